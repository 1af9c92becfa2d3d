package nl.passend.solver;

import static nl.passend.solver.MatchingEngineTests.contract;
import static nl.passend.solver.MatchingEngineTests.demand;
import static nl.passend.solver.MatchingEngineTests.offer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Each reason a referral is left without a place, on an instance built to produce it. */
class UnmetDemandTests {

    private static final Demand ZUTPHEN_YOUTH = demand(1, Urgency.HIGH, 2, Set.of("GM0201"));

    private static UnmetDemandReason reasonFor(List<Offer> offers, List<Contract> contracts,
            List<MatchingProblem.ExistingPlacement> existing) {
        MatchingSolution solved = new MatchingEngine().solve(
                MatchingProblem.of(offers, contracts, List.of(ZUTPHEN_YOUTH), existing, MatchingWeights.DEFAULTS), Duration.ofSeconds(1),
                score -> { });
        Map<Long, UnmetDemandReason> reasons = UnmetDemand.classify(solved);
        assertThat(reasons).containsOnlyKeys(ZUTPHEN_YOUTH.referralId());
        return reasons.get(ZUTPHEN_YOUTH.referralId());
    }

    @Test
    void noOfferWhenNothingFitsTheNeeds() {
        Offer tooLow = offer(2, 2, 52.2, 6.0, 1, 5);
        assertThat(reasonFor(List.of(tooLow), List.of(contract(1, null, null)), List.of()))
                .isEqualTo(UnmetDemandReason.NO_OFFER);
    }

    @Test
    void noContractWhenFittingOffersAreNotBoughtForTheHomeMunicipality() {
        Offer fitting = offer(2, 2, 52.2, 6.0, 2, 5);
        Contract elsewhere = new Contract(1, 1, Set.of("GM0294"), Map.of("43", 450_00L),
                contract(1, null, null).validFrom(), contract(1, null, null).validUntil(), null, null);
        assertThat(reasonFor(List.of(fitting), List.of(elsewhere), List.of())).isEqualTo(UnmetDemandReason.NO_CONTRACT);
    }

    @Test
    void ceilingWhenTheContractsVolumeIsSpent() {
        Offer fitting = offer(2, 2, 52.2, 6.0, 2, 5);
        Contract full = contract(1, 1, null);
        List<MatchingProblem.ExistingPlacement> existing = List.of(new MatchingProblem.ExistingPlacement(
                demand(9, Urgency.NORMAL, 2, Set.of()), fitting.id(), full.id()));
        assertThat(reasonFor(List.of(fitting), List.of(full), existing)).isEqualTo(UnmetDemandReason.CEILING);
    }

    @Test
    void ceilingWhenTheContractsBudgetIsSpent() {
        Offer fitting = offer(2, 2, 52.2, 6.0, 2, 5);
        Contract smallBudget = contract(1, null, 450_00L * 150);
        List<MatchingProblem.ExistingPlacement> existing = List.of(new MatchingProblem.ExistingPlacement(
                demand(9, Urgency.NORMAL, 2, Set.of()), fitting.id(), smallBudget.id()));
        assertThat(reasonFor(List.of(fitting), List.of(smallBudget), existing)).isEqualTo(UnmetDemandReason.CEILING);
    }

    @Test
    void noCapacityWhenTheContractedOffersAreFull() {
        Offer onePlace = offer(2, 2, 52.2, 6.0, 2, 1);
        Contract contract = contract(1, null, null);
        List<MatchingProblem.ExistingPlacement> existing = List.of(new MatchingProblem.ExistingPlacement(
                demand(9, Urgency.NORMAL, 2, Set.of()), onePlace.id(), contract.id()));
        assertThat(reasonFor(List.of(onePlace), List.of(contract), existing))
                .isEqualTo(UnmetDemandReason.NO_CAPACITY);
    }

    @Test
    void excludedWhenOnlyOffersInExcludedMunicipalitiesFit() {
        Offer inExcluded = offer(1, 1, 52.25, 6.15, 2, 5);
        assertThat(inExcluded.municipalityCode()).isIn(ZUTPHEN_YOUTH.excludedMunicipalities());
        assertThat(reasonFor(List.of(inExcluded), List.of(contract(1, null, null)), List.of()))
                .isEqualTo(UnmetDemandReason.EXCLUDED);
    }
}
