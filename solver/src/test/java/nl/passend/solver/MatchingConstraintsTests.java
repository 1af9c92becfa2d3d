package nl.passend.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** Each term of the score of DESIGN.md, "Matching", penalised and not. */
class MatchingConstraintsTests {

    private static final ConstraintVerifier<MatchingConstraints, MatchingSolution> VERIFIER =
            ConstraintVerifier.build(new MatchingConstraints(), MatchingSolution.class, Referral.class)
                    .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);

    /** Zutphen's centroid, and Apeldoorn's, 18 km apart. */
    private static final double ZUTPHEN_LAT = 52.1389;
    private static final double ZUTPHEN_LON = 6.2011;
    private static final double APELDOORN_LAT = 52.2112;
    private static final double APELDOORN_LON = 5.9699;

    private static Offer offer(long id, long location, int securityLevel, int capacity) {
        return new Offer(id, location, 1, "GM0200", APELDOORN_LAT, APELDOORN_LON, "43", securityLevel, 12, 18,
                Set.of("MALE"), Set.of("LVB"), capacity);
    }

    private static Contract contract(long id, Integer volumeCeiling, Long budgetCeilingCents, long tariffCents) {
        return new Contract(id, 1, Set.of("GM0301"), Map.of("43", tariffCents), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), volumeCeiling, budgetCeilingCents);
    }

    private static Referral placed(long id, Offer offer, Contract contract) {
        return placed(id, offer, contract, null, 2, 100);
    }

    private static Referral placed(long id, Offer offer, Contract contract, String group, int minSecurity,
            int durationDays) {
        Referral referral = new Referral(id, Urgency.HIGH, 10, "43", minSecurity, ZUTPHEN_LAT, ZUTPHEN_LON,
                durationDays, group, Map.of(offer.id(), contract), List.of(offer));
        referral.setOffer(offer);
        return referral;
    }

    private static Referral unplaced(long id, Urgency urgency, int daysWaiting) {
        return new Referral(id, urgency, daysWaiting, "43", 2, ZUTPHEN_LAT, ZUTPHEN_LON, 100, null, Map.of(),
                List.of());
    }

    @Test
    void penalisesEachPlaceOverAnOffersCapacity() {
        Offer twoPlaces = offer(1, 1, 2, 2);
        Contract contract = contract(1, null, null, 45_000);
        VERIFIER.verifyThat(MatchingConstraints::offerCapacity)
                .given(placed(1, twoPlaces, contract), placed(2, twoPlaces, contract), placed(3, twoPlaces, contract),
                        placed(4, twoPlaces, contract))
                .penalizesBy(2);
        VERIFIER.verifyThat(MatchingConstraints::offerCapacity)
                .given(placed(1, twoPlaces, contract), placed(2, twoPlaces, contract))
                .penalizesBy(0);
    }

    @Test
    void countsPinnedPlacementsAgainstCapacity() {
        Offer onePlace = offer(1, 1, 2, 1);
        Contract contract = contract(1, null, null, 45_000);
        VERIFIER.verifyThat(MatchingConstraints::offerCapacity)
                .given(Referral.pinned(placed(1, onePlace, contract), onePlace), placed(2, onePlace, contract))
                .penalizesBy(1);
    }

    @Test
    void penalisesEachPlacementOverAContractsVolumeCeiling() {
        Contract ceilingOfOne = contract(1, 1, null, 45_000);
        VERIFIER.verifyThat(MatchingConstraints::contractVolume)
                .given(placed(1, offer(1, 1, 2, 5), ceilingOfOne), placed(2, offer(2, 2, 2, 5), ceilingOfOne),
                        placed(3, offer(3, 3, 2, 5), ceilingOfOne))
                .penalizesBy(2);
        VERIFIER.verifyThat(MatchingConstraints::contractVolume)
                .given(placed(1, offer(1, 1, 2, 5), ceilingOfOne), placed(2, offer(2, 2, 2, 5), contract(2, null,
                        null, 45_000)))
                .penalizesBy(0);
    }

    @Test
    void penalisesEachStartedThousandEurosOverABudget() {
        // Two placements of 100 days at 450 euros cost 90,000 euros; the budget is 88,500: 1,500 over, 2 started
        // thousands.
        Contract budget = contract(1, null, 88_500_00L, 450_00);
        VERIFIER.verifyThat(MatchingConstraints::contractBudget)
                .given(placed(1, offer(1, 1, 2, 5), budget), placed(2, offer(2, 2, 2, 5), budget))
                .penalizesBy(2);
        VERIFIER.verifyThat(MatchingConstraints::contractBudget)
                .given(placed(1, offer(1, 1, 2, 5), contract(2, null, 90_000_00L, 450_00)),
                        placed(2, offer(2, 2, 2, 5), contract(2, null, 90_000_00L, 450_00)))
                .penalizesBy(0);
    }

    @Test
    void penalisesCoDefendantsAtOneLocation() {
        Contract contract = contract(1, null, null, 45_000);
        Offer first = offer(1, 7, 2, 5);
        Offer sameLocation = offer(2, 7, 2, 5);
        Offer elsewhere = offer(3, 8, 2, 5);
        VERIFIER.verifyThat(MatchingConstraints::coDefendantsTogether)
                .given(placed(1, first, contract, "G1", 2, 100), placed(2, sameLocation, contract, "G1", 2, 100),
                        placed(3, first, contract, "G1", 2, 100))
                .penalizesBy(3);
        VERIFIER.verifyThat(MatchingConstraints::coDefendantsTogether)
                .given(placed(1, first, contract, "G1", 2, 100), placed(2, elsewhere, contract, "G1", 2, 100),
                        placed(3, first, contract, "G2", 2, 100), placed(4, first, contract, null, 2, 100),
                        placed(5, first, contract, null, 2, 100))
                .penalizesBy(0);
    }

    @Test
    void penalisesAnUnplacedReferralByUrgencyAndWaiting() {
        VERIFIER.verifyThat(MatchingConstraints::unplacedReferral)
                .given(unplaced(1, Urgency.CRISIS, 3), unplaced(2, Urgency.HIGH, 0), unplaced(3, Urgency.NORMAL, 30))
                .penalizesBy(4 * (7 + 3) + 2 * 7 + (7 + 30));
        VERIFIER.verifyThat(MatchingConstraints::unplacedReferral)
                .given(placed(1, offer(1, 1, 2, 5), contract(1, null, null, 45_000)))
                .penalizesBy(0);
    }

    @Test
    void weighsEachTermAsTheRegionConfigured() {
        MatchingWeights weights = new MatchingWeights(10, 3, 1, 0, 5, 100);
        Offer secure = offer(1, 1, 4, 5);
        Contract contract = contract(1, null, null, 45_000);
        Demand crisis = new Demand(1, Urgency.CRISIS, 2, "43", 2, 16, "MALE", Set.of("LVB"), "GM0301", ZUTPHEN_LAT,
                ZUTPHEN_LON, Set.of(), LocalDate.of(2026, 6, 1), 100, null);
        MatchingSolution problem = MatchingProblem.of(List.of(secure), List.of(contract), List.of(crisis), List.of(),
                weights);
        Referral referral = problem.getReferrals().get(0);

        VERIFIER.verifyThat(MatchingConstraints::unplacedReferral).given(referral).penalizesBy(10 * (0 + 2));
        referral.setOffer(secure);
        VERIFIER.verifyThat(MatchingConstraints::extraSecurity).given(referral).penalizesBy(5 * 2);
        VERIFIER.verifyThat(MatchingConstraints::tariff).given(referral).penalizesBy(450 / 100);
    }

    @Test
    void penalisesTheDistanceFromHomeInWholeKilometres() {
        VERIFIER.verifyThat(MatchingConstraints::distanceFromHome)
                .given(placed(1, offer(1, 1, 2, 5), contract(1, null, null, 45_000)))
                .penalizesBy(Distances.kilometres(ZUTPHEN_LAT, ZUTPHEN_LON, APELDOORN_LAT, APELDOORN_LON));
        Offer atHome = new Offer(2, 2, 1, "GM0301", ZUTPHEN_LAT, ZUTPHEN_LON, "43", 2, 12, 18, Set.of("MALE"),
                Set.of(), 5);
        VERIFIER.verifyThat(MatchingConstraints::distanceFromHome)
                .given(placed(1, atHome, contract(1, null, null, 45_000)), unplaced(2, Urgency.HIGH, 1))
                .penalizesBy(0);
    }

    @Test
    void penalisesEachSecurityLevelAboveTheMinimum() {
        VERIFIER.verifyThat(MatchingConstraints::extraSecurity)
                .given(placed(1, offer(1, 1, 4, 5), contract(1, null, null, 45_000), null, 2, 100))
                .penalizesBy(100);
        VERIFIER.verifyThat(MatchingConstraints::extraSecurity)
                .given(placed(1, offer(1, 1, 2, 5), contract(1, null, null, 45_000), null, 2, 100))
                .penalizesBy(0);
    }

    @Test
    void penalisesTheDailyTariffInWholeEurosPerTwenty() {
        // 459.99 euros a day: 459 whole euros, 22 points of 20 euros.
        VERIFIER.verifyThat(MatchingConstraints::tariff)
                .given(placed(1, offer(1, 1, 2, 5), contract(1, null, null, 459_99)))
                .penalizesBy(22);
        VERIFIER.verifyThat(MatchingConstraints::tariff)
                .given(placed(1, offer(1, 1, 2, 5), contract(1, null, null, 19_99)), unplaced(2, Urgency.NORMAL, 0))
                .penalizesBy(0);
    }

    @Test
    void measuresTheJourneysDistanceFromZutphenToApeldoorn() {
        assertThat(
                Distances.kilometres(ZUTPHEN_LAT, ZUTPHEN_LON, APELDOORN_LAT, APELDOORN_LON)).isEqualTo(18);
    }
}
