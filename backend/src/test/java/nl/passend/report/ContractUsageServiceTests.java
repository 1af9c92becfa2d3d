package nl.passend.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.passend.api.model.ContractUsageDto;
import nl.passend.api.model.ContractUsagePageDto;
import nl.passend.api.model.MunicipalityUsageDto;
import nl.passend.audit.AuditAction;
import nl.passend.audit.AuditTrail;
import nl.passend.reference.ReferenceDataService;
import nl.passend.security.Actor;
import nl.passend.security.CurrentActor;
import nl.passend.security.Role;
import nl.passend.shared.NotFoundException;
import nl.passend.support.PersistenceTest;
import nl.passend.support.Rows;

/**
 * Contract usage on a crafted joint contract of Apeldoorn and Zutphen (€ 450 a day, volume ceiling 12, budget
 * € 100,000, valid from 100 days before the report day to 100 days after), each figure against a value worked out
 * by hand, and which contracts the report's SQL picks and pages.
 */
@PersistenceTest
class ContractUsageServiceTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Autowired
    Rows rows;

    CurrentActor currentActor = mock(CurrentActor.class);
    AuditTrail audit = mock(AuditTrail.class);
    ContractUsageService contractUsage;

    long provider;
    long offer;
    long joint;
    long zutphen;
    long apeldoorn;
    long officers;

    @BeforeEach
    void craft(@Autowired JdbcClient jdbc) {
        contractUsage = new ContractUsageService(jdbc, mock(ReferenceDataService.class), currentActor, audit,
                Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC));
        provider = rows.provider("Zorggroep Noord");
        offer = rows.offer(rows.location(provider, "GM0200"), "43", 2, 20);
        joint = contract("USE-JOINT", "GM0200", TODAY.minusDays(100), TODAY.plusDays(100), "GM0301");
        rows.set("contract", joint, Map.of("volume_ceiling", 12, "budget_ceiling", new BigDecimal("100000")));
        officers = rows.organisation("Jeugdreclassering Apeldoorn", "YOUTH_PROBATION");
        zutphen = rows.referral(rows.youth(officers, "GM0301"), officers, "43", "NORMAL", "OPEN");
        apeldoorn = rows.referral(rows.youth(officers, "GM0200"), officers, "43", "NORMAL", "OPEN");
    }

    /**
     * Zutphen: started 10 days ago until 20 days ahead (10 care days, € 4,500 used, € 13,500 committed); ended after
     * 20 days (€ 9,000); accepted for its 182 days, not started, of which 101 fall in the contract (€ 45,450
     * committed). Apeldoorn: started 120 days ago, 20 days before the contract, until 5 days ahead (100 care days in
     * the contract, € 45,000 used, € 47,250 committed); five proposals (a place held, nothing committed); one
     * declined (nothing at all).
     */
    @Test
    void showsPurchasersOfAPartyPlacesCareDaysAndEurosAgainstTheCeilingsAndTheSplit() {
        craftPlacements();
        asPurchaserOf("GM0301");
        ContractUsageDto usage = only(contractUsage.usage(null, "GM0301", 0, 20));

        assertThat(usage.getContractId()).isEqualTo(joint);
        assertThat(usage.getReference()).isEqualTo("USE-JOINT");
        assertThat(usage.getProviderId()).isEqualTo(provider);
        assertThat(usage.getValidFrom()).isEqualTo(TODAY.minusDays(100));
        assertThat(usage.getValidUntil()).isEqualTo(TODAY.plusDays(100));
        assertThat(usage.getVolumeCeiling()).isEqualTo(12);
        assertThat(usage.getPlacementsNow()).isEqualTo("8");
        assertThat(usage.getCareDays()).isEqualTo(130);
        assertThat(usage.getEurosUsed()).isEqualTo(58_500);
        assertThat(usage.getEurosCommitted()).isEqualTo(115_200);
        assertThat(usage.getBudgetCeiling()).isEqualTo(100_000);
        assertThat(usage.getBudgetCommittedPercent()).as("over budget once all is committed").isEqualTo(115.2);

        assertThat(usage.getMunicipalities()).extracting(MunicipalityUsageDto::getMunicipality)
                .containsExactly("GM0200", "GM0301");
        MunicipalityUsageDto apeldoornShare = usage.getMunicipalities().get(0);
        assertThat(apeldoornShare.getPlacementsNow()).as("6 would give Zutphen's 2 away").isEqualTo("x");
        assertThat(apeldoornShare.getCareDays()).isEqualTo(100);
        assertThat(apeldoornShare.getEurosUsed()).isEqualTo(45_000);
        assertThat(apeldoornShare.getEurosCommitted()).isEqualTo(47_250);
        assertThat(apeldoornShare.getShareOfCostPercent()).isEqualTo(76.9);
        MunicipalityUsageDto zutphenShare = usage.getMunicipalities().get(1);
        assertThat(zutphenShare.getPlacementsNow()).isEqualTo("<5");
        assertThat(zutphenShare.getCareDays()).isEqualTo(30);
        assertThat(zutphenShare.getEurosUsed()).isEqualTo(13_500);
        assertThat(zutphenShare.getEurosCommitted()).isEqualTo(67_950);
        assertThat(zutphenShare.getShareOfCostPercent()).isEqualTo(23.1);
        verify(audit).record(AuditAction.READ, "contract_usage", "GM0301");
    }

    /** The lead municipality is party to its contract even where it is not listed as a participant. */
    @Test
    void showsThePurchasersOfTheLeadMunicipalityTheSplit() {
        craftPlacements();
        rows.set("contract", joint, Map.of("lead_municipality_code", "GM0213"));
        asPurchaserOf("GM0213");

        ContractUsageDto usage = only(contractUsage.usage(null, "GM0301", 0, 20));

        assertThat(usage.getMunicipalities()).extracting(MunicipalityUsageDto::getMunicipality)
                .containsExactly("GM0200", "GM0213", "GM0301");
        assertThat(usage.getMunicipalities().get(2).getCareDays()).isEqualTo(30);
    }

    /** Two youths are behind the figures: a total of care days or euros would tell their stays. */
    @Test
    void showsPlannersAProtectedCountOfPlacementsOnlyWhereFewYouthsAreBehindTheFigures() {
        craftPlacements();
        as(Role.PLANNER);
        ContractUsageDto usage = only(contractUsage.usage(null, "GM0301", 0, 20));

        assertThat(usage.getPlacementsNow()).isEqualTo("8");
        assertThat(usage.getVolumeCeiling()).isEqualTo(12);
        assertThat(usage.getCareDays()).isNull();
        assertThat(usage.getEurosUsed()).isNull();
        assertThat(usage.getEurosCommitted()).isNull();
        assertThat(usage.getBudgetCeiling()).isNull();
        assertThat(usage.getBudgetCommittedPercent()).isNull();
        assertThat(usage.getMunicipalities()).isEmpty();
    }

    @Test
    void showsPurchasersOfAnotherMunicipalityTheBudgetButNeitherTheSplitNorTheSumsOfFewYouths() {
        craftPlacements();
        asPurchaserOf("GM0222");
        ContractUsageDto usage = only(contractUsage.usage(null, "GM0301", 0, 20));

        assertThat(usage.getPlacementsNow()).isEqualTo("8");
        assertThat(usage.getBudgetCeiling()).isEqualTo(100_000);
        assertThat(usage.getCareDays()).isNull();
        assertThat(usage.getEurosUsed()).isNull();
        assertThat(usage.getEurosCommitted()).isNull();
        assertThat(usage.getBudgetCommittedPercent()).isNull();
        assertThat(usage.getMunicipalities()).isEmpty();
    }

    /**
     * Three more Zutphen youths in care, each started 10 days ago until 20 days ahead (10 care days, € 4,500 used,
     * € 13,500 committed each): five youths are behind the sums now, so the totals show; the split still does not.
     */
    @Test
    void showsEveryoneElseTheTotalsOfFiveYouthsOrMore() {
        craftPlacements();
        for (int i = 0; i < 3; i++) {
            long referral = rows.referral(rows.youth(officers, "GM0301"), officers, "43", "NORMAL", "OPEN");
            placement(referral, "STARTED", TODAY.minusDays(10), TODAY.plusDays(20), null);
        }

        asPurchaserOf("GM0222");
        ContractUsageDto purchasers = only(contractUsage.usage(null, "GM0301", 0, 20));
        assertThat(purchasers.getPlacementsNow()).isEqualTo("11");
        assertThat(purchasers.getCareDays()).isEqualTo(160);
        assertThat(purchasers.getEurosUsed()).isEqualTo(72_000);
        assertThat(purchasers.getEurosCommitted()).isEqualTo(155_700);
        assertThat(purchasers.getBudgetCommittedPercent()).isEqualTo(155.7);
        assertThat(purchasers.getMunicipalities()).isEmpty();

        as(Role.PLANNER);
        ContractUsageDto planners = only(contractUsage.usage(null, "GM0301", 0, 20));
        assertThat(planners.getCareDays()).isEqualTo(160);
        assertThat(planners.getEurosUsed()).isNull();
        assertThat(planners.getBudgetCeiling()).isNull();
        assertThat(planners.getMunicipalities()).isEmpty();
    }

    /** A municipality whose participation is pending is no party: not in the split, not found by its filter. */
    @Test
    void countsOnlyThePartiesToAContract() {
        rows.awaitsConsent(joint, "GM0222");
        asPurchaserOf("GM0200");

        assertThat(only(contractUsage.usage(null, null, 0, 20)).getMunicipalities())
                .extracting(MunicipalityUsageDto::getMunicipality).containsExactly("GM0200", "GM0301");
        assertThat(contractUsage.usage(null, "GM0222", 0, 20).getContent()).isEmpty();
    }

    /** The joint contract and four more: one that ends on the day, one of Zutphen alone, one past and one to come. */
    @Test
    void picksTheContractsValidOnTheDayInWhichTheMunicipalityTakesPartByReferenceAndPagesThem() {
        long endsToday = contract("USE-ENDS", "GM0222", TODAY.minusDays(10), TODAY);
        long zutphenAlone = contract("USE-ALONE", "GM0301", TODAY.minusDays(10), TODAY.plusDays(10));
        contract("USE-PAST", "GM0301", TODAY.minusDays(30), TODAY.minusDays(1));
        contract("USE-TO-COME", "GM0301", TODAY.plusDays(1), TODAY.plusDays(30));
        as(Role.PLANNER);

        assertThat(contractUsage.usage(null, null, 0, 20).getContent()).extracting(ContractUsageDto::getContractId)
                .containsExactly(zutphenAlone, endsToday, joint);
        assertThat(contractUsage.usage(null, "GM0301", 0, 20).getContent())
                .extracting(ContractUsageDto::getContractId).containsExactly(zutphenAlone, joint);
        assertThat(contractUsage.usage(TODAY.plusDays(1), "GM0301", 0, 20).getContent())
                .extracting(ContractUsageDto::getReference).containsExactly("USE-ALONE", "USE-JOINT", "USE-TO-COME");
        assertThat(contractUsage.usage(TODAY.plusDays(101), null, 0, 20).getContent()).isEmpty();
        assertThat(contractUsage.usage(null, "GM0153", 0, 20).getContent()).isEmpty();

        ContractUsagePageDto second = contractUsage.usage(null, null, 1, 2);
        assertThat(second.getContent()).extracting(ContractUsageDto::getContractId).containsExactly(joint);
        assertThat(second.getPage().getTotalElements()).isEqualTo(3);
        assertThat(second.getPage().getTotalPages()).isEqualTo(2);
    }

    /**
     * One contract's usage, as the purchaser's page reads it: the same figures and protection as its entry in the
     * list, for a party and for anyone else; also outside its period; an unknown id is not found.
     */
    @Test
    void readsOneContractsUsageAsTheListShowsIt() {
        craftPlacements();
        long past = contract("USE-PAST", "GM0301", TODAY.minusDays(30), TODAY.minusDays(1));

        asPurchaserOf("GM0301");
        assertThat(contractUsage.usageOf(joint, null)).isEqualTo(only(contractUsage.usage(null, "GM0301", 0, 20)));
        assertThat(contractUsage.usageOf(joint, null).getMunicipalities()).isNotEmpty();
        assertThat(contractUsage.usageOf(past, null).getReference()).isEqualTo("USE-PAST");
        verify(audit, atLeastOnce()).record(AuditAction.READ, "contract_usage", "contract " + joint);

        asPurchaserOf("GM0222");
        ContractUsageDto other = contractUsage.usageOf(joint, null);
        assertThat(other).isEqualTo(only(contractUsage.usage(null, "GM0301", 0, 20)));
        assertThat(other.getMunicipalities()).isEmpty();
        assertThat(other.getEurosUsed()).isNull();

        assertThatThrownBy(() -> contractUsage.usageOf(999_999, null)).isInstanceOf(NotFoundException.class);
    }

    /** The caller's own municipality's contracts: those to which it is a party, none for a caller of no municipality. */
    @Test
    void readsTheUsageOfTheCallersOwnMunicipalitysContracts() {
        long zutphenAlone = contract("USE-ALONE", "GM0301", TODAY.minusDays(10), TODAY.plusDays(10));
        rows.awaitsConsent(joint, "GM0222");

        asPurchaserOf("GM0301");
        assertThat(contractUsage.usageOfOwn(null, 0, 20).getContent()).extracting(ContractUsageDto::getContractId)
                .containsExactly(zutphenAlone, joint);
        asPurchaserOf("GM0222");
        assertThat(contractUsage.usageOfOwn(null, 0, 20).getContent()).isEmpty();
        long purchasing = rows.organisation("Inkoopbureau Jeugd", "REGIONAL_PURCHASING");
        when(currentActor.get()).thenReturn(new Actor("purchaser", Role.PURCHASER, purchasing));
        assertThat(contractUsage.usageOfOwn(null, 0, 20).getContent()).isEmpty();
    }

    private void craftPlacements() {
        placement(zutphen, "STARTED", TODAY.minusDays(10), TODAY.plusDays(20), null);
        placement(zutphen, "ENDED", TODAY.minusDays(50), TODAY.minusDays(20), TODAY.minusDays(30));
        placement(zutphen, "ACCEPTED", null, null, null);
        placement(apeldoorn, "STARTED", TODAY.minusDays(120), TODAY.plusDays(5), null);
        for (int i = 0; i < 5; i++) {
            placement(apeldoorn, "PROPOSED", null, null, null);
        }
        placement(apeldoorn, "DECLINED", null, null, null);
    }

    /** A contract for care type 43 at € 450 a day. */
    private long contract(String reference, String lead, LocalDate validFrom, LocalDate validUntil,
            String... otherMunicipalities) {
        long contract = rows.contract(provider, reference, lead, validFrom, validUntil);
        rows.takesPart(contract, otherMunicipalities);
        rows.buys(contract, "43", new BigDecimal("450.00"));
        return contract;
    }

    private void placement(long referral, String status, LocalDate startedOn, LocalDate expectedEnd,
            LocalDate endedOn) {
        long placement = rows.placement(referral, offer, joint, status, Instant.parse("2026-01-01T09:00:00Z"));
        if (startedOn != null) {
            rows.set("placement", placement, Map.of("started_on", startedOn, "expected_end", expectedEnd));
        }
        if (endedOn != null) {
            rows.set("placement", placement, Map.of("ended_on", endedOn));
        }
    }

    private void as(Role role) {
        when(currentActor.get()).thenReturn(new Actor("someone", role, 1));
    }

    private void asPurchaserOf(String municipality) {
        long organisation = rows.organisation("Gemeente " + municipality, "MUNICIPALITY", municipality);
        when(currentActor.get()).thenReturn(new Actor("purchaser", Role.PURCHASER, organisation));
    }

    private static ContractUsageDto only(ContractUsagePageDto page) {
        assertThat(page.getContent()).hasSize(1);
        return page.getContent().get(0);
    }
}
