package nl.passend.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;

import nl.passend.security.Actor;
import nl.passend.security.Role;
import nl.passend.support.PersistenceTest;
import nl.passend.support.Rows;

@PersistenceTest
class PlacementRepositoryTests {

    @Autowired
    PlacementRepository placements;

    @Autowired
    Rows rows;

    long northIntake;
    long apeldoornOfficers;
    long zutphenOfficers;
    long proposed;
    long acceptedForZutphen;
    long declinedElsewhere;
    long started;

    /**
     * At Zorggroep Noord's offer: a proposal of 3 hours ago and one started (proposed an hour ago) for Apeldoorn's
     * officers, one accepted (2 hours ago) for Zutphen's. At Zorggroep Zuid's: one declined for Apeldoorn's, proposed
     * at the same moment as the one started.
     */
    @BeforeEach
    void craft() {
        long north = rows.provider("Zorggroep Noord");
        long south = rows.provider("Zorggroep Zuid");
        northIntake = rows.organisationOf(north);
        apeldoornOfficers = rows.organisation("Jeugdreclassering Apeldoorn", "YOUTH_PROBATION");
        zutphenOfficers = rows.organisation("Jeugdreclassering Zutphen", "YOUTH_PROBATION");
        long northOffer = rows.offer(rows.location(north, "GM0200"), "43", 2, 4);
        long southOffer = rows.offer(rows.location(south, "GM0301"), "43", 2, 4);
        long contract = rows.contract(north, "C-1", "GM0200", LocalDate.now().minusYears(1),
                LocalDate.now().plusYears(1));
        long apeldoorn = rows.referral(rows.youth(apeldoornOfficers, "GM0200"), apeldoornOfficers, "43", "HIGH",
                "OPEN");
        long zutphen = rows.referral(rows.youth(zutphenOfficers, "GM0301"), zutphenOfficers, "43", "HIGH", "OPEN");

        Instant now = Instant.now();
        proposed = rows.placement(apeldoorn, northOffer, contract, "PROPOSED", now.minus(3, ChronoUnit.HOURS));
        acceptedForZutphen = rows.placement(zutphen, northOffer, contract, "ACCEPTED", now.minus(2, ChronoUnit.HOURS));
        declinedElsewhere = rows.placement(apeldoorn, southOffer, contract, "DECLINED", now.minus(1, ChronoUnit.HOURS));
        started = rows.placement(apeldoorn, northOffer, contract, "STARTED", now.minus(1, ChronoUnit.HOURS));
    }

    @Test
    void showsAnIntakeThePlacementsAtItsProvidersOffersLatestProposalFirst() {
        assertThat(visible(new Actor("intake", Role.PROVIDER_INTAKE, northIntake), null))
                .containsExactly(started, acceptedForZutphen, proposed);
    }

    @Test
    void showsProbationOfficersThePlacementsTheirOrganisationReferredTheIdBreakingTies() {
        assertThat(visible(new Actor("officer", Role.PROBATION_OFFICER, apeldoornOfficers), null))
                .containsExactly(started, declinedElsewhere, proposed);
        assertThat(visible(new Actor("officer", Role.PROBATION_OFFICER, zutphenOfficers), null))
                .containsExactly(acceptedForZutphen);
    }

    @Test
    void filtersByStatusWithinWhatTheActorSees() {
        Actor officer = new Actor("officer", Role.PROBATION_OFFICER, apeldoornOfficers);
        assertThat(visible(officer, PlacementStatus.DECLINED)).containsExactly(declinedElsewhere);
        assertThat(visible(officer, PlacementStatus.ACCEPTED)).isEmpty();

        Page<Placement> second = placements.findVisible(officer, null, 1, 2);
        assertThat(second.map(Placement::getId)).containsExactly(proposed);
        assertThat(second.getTotalElements()).isEqualTo(3);
    }

    @Test
    void showsEveryOtherRoleNoPlacementEvenOfItsOwnOrganisation() {
        for (Role role : List.of(Role.PLANNER, Role.PURCHASER, Role.ADMIN)) {
            assertThat(visible(new Actor("someone", role, apeldoornOfficers), null)).as(role.name()).isEmpty();
            assertThat(visible(new Actor("someone", role, northIntake), null)).as(role.name()).isEmpty();
        }
        assertThat(visible(new Actor("intake", Role.PROVIDER_INTAKE, apeldoornOfficers), null))
                .as("an intake by the referring organisation's id").isEmpty();
    }

    private List<Long> visible(Actor actor, PlacementStatus status) {
        return placements.findVisible(actor, status, 0, 10).map(Placement::getId).getContent();
    }
}
