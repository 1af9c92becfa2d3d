package nl.passend.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.provider.Provider;
import nl.passend.shared.Paging;
import nl.passend.shared.RowLocks;
import nl.passend.support.PersistenceTest;
import nl.passend.support.Rows;
import nl.passend.support.TwoTransactions;

@PersistenceTest
class ContractRepositoryTests {

    private static final BigDecimal TARIFF = new BigDecimal("450.00");

    @Autowired
    ContractRepository contracts;

    @Autowired
    RowLocks locks;

    @Autowired
    Rows rows;

    long north;
    long south;
    long joint2026;
    long doetinchem2027;
    long zutphenMidYear;

    /**
     * Zorggroep Noord: a 2026 contract of Apeldoorn and Zutphen for care types 43 and 46, and a 2027 one of
     * Doetinchem for 43. Zorggroep Zuid: one of Zutphen for 44 from June 2026 to May 2027.
     */
    @BeforeEach
    void craft() {
        north = rows.provider("Zorggroep Noord");
        south = rows.provider("Zorggroep Zuid");
        joint2026 = rows.contract(north, "JOINT-2026", "GM0200", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        rows.takesPart(joint2026, "GM0301");
        rows.buys(joint2026, "43", TARIFF);
        rows.buys(joint2026, "46", TARIFF);
        doetinchem2027 = rows.contract(north, "DOET-2027", "GM0222", LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 12, 31));
        rows.buys(doetinchem2027, "43", TARIFF);
        zutphenMidYear = rows.contract(south, "ZUT-MID", "GM0301", LocalDate.of(2026, 6, 1), LocalDate.of(2027, 5, 31));
        rows.buys(zutphenMidYear, "44", TARIFF);
    }

    @Test
    void findsContractsByParticipatingMunicipalityProviderAndCareType() {
        assertThat(search(null, null, null, null)).containsExactly(joint2026, doetinchem2027, zutphenMidYear);
        assertThat(search("GM0301", null, null, null)).as("the lead and every other participant")
                .containsExactly(joint2026, zutphenMidYear);
        assertThat(search("GM0200", null, null, null)).containsExactly(joint2026);
        assertThat(search(null, north, null, null)).containsExactly(joint2026, doetinchem2027);
        assertThat(search(null, null, "43", null)).containsExactly(joint2026, doetinchem2027);
        assertThat(search(null, null, "46", null)).containsExactly(joint2026);
        assertThat(search("GM0301", null, "43", null)).containsExactly(joint2026);
        assertThat(search("GM0301", south, "43", null)).isEmpty();
    }

    @Test
    void findsContractsValidOnADayWithBothEndsOfTheirPeriodIncluded() {
        assertThat(search(null, null, null, LocalDate.of(2026, 5, 31))).containsExactly(joint2026);
        assertThat(search(null, null, null, LocalDate.of(2026, 6, 1))).containsExactly(joint2026, zutphenMidYear);
        assertThat(search(null, null, null, LocalDate.of(2026, 12, 31))).containsExactly(joint2026, zutphenMidYear);
        assertThat(search(null, null, null, LocalDate.of(2027, 1, 1))).containsExactly(doetinchem2027, zutphenMidYear);
        assertThat(search(null, null, null, LocalDate.of(2027, 6, 1))).containsExactly(doetinchem2027);
        assertThat(search("GM0222", null, null, LocalDate.of(2026, 6, 1))).isEmpty();
    }

    @Test
    void sortsByTheKeysTheListOffersAndPages() {
        Page<Contract> first = contracts.search(null, null, null, null, null,
                Paging.pageable(0, 2, List.of("validUntil,desc"), ContractService.SORTABLE));
        assertThat(first.map(Contract::getId)).containsExactly(doetinchem2027, zutphenMidYear);
        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(contracts.search(null, null, null, null, null,
                Paging.pageable(1, 2, List.of("validUntil,desc"), ContractService.SORTABLE)).map(Contract::getId))
                .containsExactly(joint2026);
        assertThat(contracts.search(null, null, null, null, null,
                Paging.pageable(0, 3, List.of("reference"), ContractService.SORTABLE)).map(Contract::getId))
                .containsExactly(doetinchem2027, joint2026, zutphenMidYear);
    }

    /** Parties only: a municipality whose participation is pending or declined is found by its own filter. */
    @Test
    void findsContractsByPartyAndByAMunicipalityWhoseConsentIsAwaited() {
        rows.awaitsConsent(doetinchem2027, "GM0200");
        rows.participates(zutphenMidYear, "DECLINED", "GM0200");

        assertThat(search("GM0200", null, null, null)).containsExactly(joint2026);
        assertThat(contracts.search(null, "GM0200", null, null, null,
                Paging.pageable(0, 10, List.of(), ContractService.SORTABLE)).map(Contract::getId))
                .containsExactly(doetinchem2027);
        assertThat(contracts.search(null, "GM0301", null, null, null,
                Paging.pageable(0, 10, List.of(), ContractService.SORTABLE))).isEmpty();
        Contract pending = contracts.findById(doetinchem2027).orElseThrow();
        assertThat(pending.isParty("GM0222")).isTrue();
        assertThat(pending.isParty("GM0200")).isFalse();
        assertThat(pending.parties()).containsExactly("GM0222");
        assertThat(pending.fact(0).municipalities()).as("what matching covers").containsExactly("GM0222");
    }

    /** What a new mandate looks through: the contracts its lead leads where the municipality has not consented. */
    @Test
    void findsTheContractsALeadLeadsByTheStateOfAMunicipalitysParticipation() {
        rows.awaitsConsent(doetinchem2027, "GM0200");
        long another = rows.contract(south, "DOET-2026", "GM0222", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        rows.awaitsConsent(another, "GM0200");

        assertThat(contracts.findLedBy("GM0222", "GM0200", ParticipationState.PENDING)).extracting(Contract::getId)
                .containsExactly(doetinchem2027, another);
        assertThat(contracts.findLedBy("GM0222", "GM0200", ParticipationState.CONFIRMED)).isEmpty();
        assertThat(contracts.findLedBy("GM0200", "GM0301", ParticipationState.CONFIRMED)).extracting(Contract::getId)
                .containsExactly(joint2026);
        assertThat(contracts.findLedBy("GM0200", "GM0222", ParticipationState.PENDING)).isEmpty();
    }

    /** The query behind the rule of one contract per provider, care type and municipality on a day. */
    @Test
    void findsTheProvidersOtherContractsValidOnAnyDayOfAPeriod() {
        Provider provider = contracts.findById(joint2026).orElseThrow().getProvider();
        LocalDate newYearsEve = LocalDate.of(2026, 12, 31);
        assertThat(contracts.findOthersInPeriod(provider, newYearsEve, newYearsEve.plusDays(1), 0))
                .extracting(Contract::getId).containsExactly(joint2026, doetinchem2027);
        assertThat(contracts.findOthersInPeriod(provider, newYearsEve, newYearsEve.plusDays(1), joint2026))
                .extracting(Contract::getId).containsExactly(doetinchem2027);
        assertThat(contracts.findOthersInPeriod(provider, LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31), 0))
                .isEmpty();
    }

    /**
     * A proposal locks the contract, counts the placements under it against the volume ceiling and adds its own: the
     * next proposal waits, and then counts that placement too.
     */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aLockedContractMakesTheNextLockWaitAndThenCountsThePlacementTheFirstAdded(@Autowired TwoTransactions race,
            @Autowired JdbcClient jdbc) throws Exception {
        long officers = rows.organisation("Jeugdreclassering Apeldoorn", "YOUTH_PROBATION");
        long referral = rows.referral(rows.youth(officers, "GM0200"), officers, "43", "NORMAL", "OPEN");
        long offer = rows.offer(rows.location(north, "GM0200"), "43", 2, 4);
        try {
            long placementsAfterTheLock = race.secondWaitsForFirst(() -> {
                locks.find(contracts::findByIdForUpdate, joint2026).orElseThrow();
                rows.placement(referral, offer, joint2026, "PROPOSED", Instant.now());
            }, () -> {
                locks.find(contracts::findByIdForUpdate, joint2026).orElseThrow();
                return jdbc.sql("select count(*) from placement where contract_id = ?").param(joint2026)
                        .query(Long.class).single();
            });
            assertThat(placementsAfterTheLock).isEqualTo(1);
        } finally {
            rows.clear();
        }
    }

    private List<Long> search(String municipality, Long provider, String careType, LocalDate validOn) {
        return contracts.search(municipality, null, provider, careType, validOn,
                Paging.pageable(0, 10, List.of(), ContractService.SORTABLE)).map(Contract::getId).getContent();
    }
}
