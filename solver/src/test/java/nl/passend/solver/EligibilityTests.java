package nl.passend.solver;

import static nl.passend.solver.MatchingEngineTests.contract;
import static nl.passend.solver.MatchingEngineTests.demand;
import static nl.passend.solver.MatchingEngineTests.offer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.passend.solver.Eligibility.Kind;
import nl.passend.solver.Eligibility.Misfit;

/** Each rule of eligibility named by its misfit, and the quick answers agreeing with the named ones. */
class EligibilityTests {

    private static final Demand YOUTH = demand(1, Urgency.HIGH, 2, Set.of("GM0202"));

    @Test
    void aFittingOfferUnderAPayingContractHasNoMisfit() {
        Offer offer = offer(1, 1, 52.2, 6.0, 2, 5);
        assertThat(Eligibility.misfits(YOUTH, offer, contract(1, null, null))).isEmpty();
        assertThat(Eligibility.fits(YOUTH, offer)).isTrue();
        assertThat(Eligibility.pays(contract(1, null, null), YOUTH, offer)).isTrue();
    }

    @Test
    void namesEveryRuleTheOfferBreaksInOrder() {
        Offer wrong = new Offer(2, 2, 1, "GM0202", 52.2, 6.0, "44", 1, 17, 18, Set.of("FEMALE"), Set.of(), 5);
        assertThat(Eligibility.misfits(YOUTH, wrong)).containsExactly(Misfit.CARE_TYPE, Misfit.SECURITY, Misfit.AGE,
                Misfit.GENDER, Misfit.SPECIALISM, Misfit.EXCLUDED_MUNICIPALITY);
        assertThat(Eligibility.missingSpecialisms(YOUTH, wrong)).containsExactly("LVB");
        assertThat(Eligibility.fits(YOUTH, wrong)).isFalse();
        assertThat(Eligibility.excluded(YOUTH, wrong)).isTrue();
    }

    @Test
    void namesEveryRuleTheContractBreaks() {
        Offer offer = offer(1, 1, 52.2, 6.0, 2, 5);
        Contract wrong = new Contract(9, 2, Set.of("GM0294"), Map.of("44", 300_00L), YOUTH.requestedStart().plusDays(1),
                YOUTH.requestedStart().plusYears(1), null, null);
        assertThat(Eligibility.misfits(YOUTH, offer, wrong)).containsExactly(Misfit.CONTRACT_PROVIDER,
                Misfit.CONTRACT_PERIOD, Misfit.CONTRACT_MUNICIPALITY, Misfit.CONTRACT_CARE_TYPE);
        assertThat(Eligibility.misfits(YOUTH, offer, wrong)).allMatch(Misfit::ofContract);
        assertThat(Eligibility.pays(wrong, YOUTH, offer)).isFalse();
    }

    /** The victim's town reads like the contract's municipalities, not like what the offer is. */
    @Test
    void groupsTheRulesInKindsThatTellNothingOfTheYouth() {
        assertThat(Arrays.stream(Misfit.values()).filter(misfit -> misfit.kind() == Kind.NEEDS))
                .containsExactly(Misfit.CARE_TYPE, Misfit.SECURITY, Misfit.AGE, Misfit.GENDER, Misfit.SPECIALISM);
        assertThat(Arrays.stream(Misfit.values()).filter(misfit -> misfit.kind() == Kind.COVER))
                .containsExactly(Misfit.EXCLUDED_MUNICIPALITY, Misfit.CONTRACT_PROVIDER, Misfit.CONTRACT_PERIOD,
                        Misfit.CONTRACT_MUNICIPALITY, Misfit.CONTRACT_CARE_TYPE);
    }

    @Test
    void aStayCostsTheDailyTariffTimesItsDays() {
        assertThat(contract(1, null, null).costCents("43", 100)).isEqualTo(450_00L * 100);
        assertThat(contract(1, null, null).costCents("44", 100)).as("a care type it does not buy").isZero();
    }
}
