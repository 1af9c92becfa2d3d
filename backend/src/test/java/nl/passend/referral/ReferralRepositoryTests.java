package nl.passend.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.shared.Paging;
import nl.passend.shared.RowLocks;
import nl.passend.support.PersistenceTest;
import nl.passend.support.Rows;
import nl.passend.support.TwoTransactions;

@PersistenceTest
class ReferralRepositoryTests {

    @Autowired
    ReferralRepository referrals;

    @Autowired
    Rows rows;

    long apeldoornOfficers;
    long crisis;
    long urgent;
    long waiting;
    long placed;
    long otherOrganisations;

    /**
     * Four referrals of one organisation, made a day apart from 4 days ago: a crisis and a normal one still open, a
     * high one proposed, a normal one in care; and an open one of another organisation, of a youth from Doetinchem.
     */
    @BeforeEach
    void craft() {
        apeldoornOfficers = rows.organisation("Jeugdreclassering Apeldoorn", "YOUTH_PROBATION");
        long zutphenOfficers = rows.organisation("Jeugdreclassering Zutphen", "YOUTH_PROBATION");
        crisis = referral(apeldoornOfficers, "GM0200", "CRISIS", "OPEN", 4);
        urgent = referral(apeldoornOfficers, "GM0301", "HIGH", "PROPOSED", 3);
        waiting = referral(apeldoornOfficers, "GM0200", "NORMAL", "OPEN", 2);
        placed = referral(apeldoornOfficers, "GM0200", "NORMAL", "IN_CARE", 1);
        otherOrganisations = referral(zutphenOfficers, "GM0222", "NORMAL", "OPEN", 0);
    }

    @Test
    void findsOnlyTheOrganisationsOwnReferralsByStatusAndUrgency() {
        assertThat(search(null, null, "id")).containsExactly(crisis, urgent, waiting, placed);
        assertThat(search(ReferralStatus.OPEN, null, "id")).containsExactly(crisis, waiting);
        assertThat(search(null, Urgency.NORMAL, "id")).containsExactly(waiting, placed);
        assertThat(search(ReferralStatus.OPEN, Urgency.NORMAL, "id")).containsExactly(waiting);
        assertThat(search(ReferralStatus.WITHDRAWN, null, "id")).isEmpty();
    }

    @Test
    void sortsByTheKeysTheListOffersAndPages() {
        assertThat(search(null, null, "createdAt,desc")).containsExactly(placed, waiting, urgent, crisis);
        assertThat(search(null, null, "urgency")).as("by urgency's name, then by id")
                .containsExactly(crisis, urgent, waiting, placed);
        Page<Referral> second = referrals.search(apeldoornOfficers, null, null,
                Paging.pageable(1, 3, List.of("createdAt"), ReferralService.SORTABLE));
        assertThat(second.map(Referral::getId)).containsExactly(placed);
        assertThat(second.getTotalElements()).isEqualTo(4);
    }

    /** What matching reads as the demand of a region: open referrals, by the youth's home municipality. */
    @Test
    void findsTheOpenReferralsOfAYouthRegionOrOfAll() {
        assertThat(referrals.findOpen(ReferralStatus.OPEN, "MIDDEN_IJSSEL_OOST_VELUWE")).extracting(Referral::getId)
                .containsExactly(crisis, waiting);
        assertThat(referrals.findOpen(ReferralStatus.OPEN, "ACHTERHOEK")).extracting(Referral::getId)
                .containsExactly(otherOrganisations);
        assertThat(referrals.findOpen(ReferralStatus.OPEN, null)).extracting(Referral::getId)
                .containsExactly(crisis, waiting, otherOrganisations);
    }

    /** A proposal locks its referral, so that one youth never gets two places from two planners at once. */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aLockedReferralMakesTheNextLockWaitAndThenShowsWhatTheFirstCommitted(@Autowired RowLocks locks,
            @Autowired TwoTransactions race) throws Exception {
        try {
            ReferralStatus afterTheLock = race.secondWaitsForFirst(
                    () -> locks.find(referrals::findByIdForUpdate, waiting).orElseThrow()
                            .moveTo(ReferralStatus.PROPOSED, Instant.now(), "planner", "proposed"),
                    () -> locks.find(referrals::findByIdForUpdate, waiting).orElseThrow().getStatus());
            assertThat(afterTheLock).isEqualTo(ReferralStatus.PROPOSED);
        } finally {
            rows.clear();
        }
    }

    private List<Long> search(ReferralStatus status, Urgency urgency, String sort) {
        return referrals.search(apeldoornOfficers, status, urgency,
                Paging.pageable(0, 10, List.of(sort), ReferralService.SORTABLE)).map(Referral::getId).getContent();
    }

    private long referral(long organisation, String homeMunicipality, String urgency, String status, int daysAgo) {
        long referral = rows.referral(rows.youth(organisation, homeMunicipality), organisation, "43", urgency, status);
        rows.set("referral", referral, Map.of("created_at", Instant.now().minus(daysAgo, ChronoUnit.DAYS),
                "requested_start", LocalDate.now().plusDays(daysAgo)));
        return referral;
    }
}
