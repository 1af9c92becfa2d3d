package nl.passend.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The first journey: why Apeldoorn, and not the places nearer Zutphen. */
class ExplainerTests {

    private static final LocalDate START = LocalDate.of(2026, 12, 1);
    private static final Map<String, String> NAMES = Map.of("GM0301", "Zutphen", "GM0200", "Apeldoorn",
            "GM0150", "Deventer", "GM0262", "Lochem");

    private static Offer offer(long id, long provider, String municipality, double lat, double lon, int level,
            int capacity) {
        return new Offer(id, id, provider, municipality, lat, lon, "43", level, 12, 18, Set.of("MALE"), Set.of("LVB"),
                capacity);
    }

    @Test
    void explainsAPlaceFarFromHomeBecauseNearerOffersWereFullExcludedOrNotContracted() {
        Offer apeldoorn = offer(1, 1, "GM0200", 52.2112, 5.9699, 2, 1);
        Offer zutphenSecure = offer(6, 2, "GM0301", 52.1389, 6.2011, 3, 1);
        Offer deventer = offer(4, 1, "GM0150", 52.2551, 6.1639, 2, 3);
        Offer lochem = offer(12, 3, "GM0262", 52.1590, 6.4110, 2, 5);
        Set<String> midden = Set.of("GM0301", "GM0200", "GM0150", "GM0262");
        Contract hazelaar = new Contract(1, 1, midden, Map.of("43", 455_00L), START.minusYears(1), START.plusYears(1),
                null, null);
        Contract kroonbeek = new Contract(3, 2, midden, Map.of("43", 685_00L), START.minusYears(1),
                START.plusYears(1), 12, null);
        Contract lochemOnly = new Contract(5, 3, Set.of("GM0262"), Map.of("43", 430_00L), START.minusYears(1),
                START.plusYears(1), null, null);
        Demand zutphenYouth = new Demand(1, Urgency.HIGH, 1, "43", 2, 16, "MALE", Set.of("LVB"), "GM0301", 52.1389,
                6.2011, Set.of("GM0150"), START, 182, null);
        Demand alreadyInZutphen = new Demand(9, Urgency.NORMAL, 0, "43", 3, 17, "MALE", Set.of("LVB"), "GM0301",
                52.1389, 6.2011, Set.of(), START, 182, null);

        MatchingSolution solved = new MatchingEngine().solve(MatchingProblem.of(
                List.of(apeldoorn, zutphenSecure, deventer, lochem), List.of(hazelaar, kroonbeek, lochemOnly),
                List.of(zutphenYouth),
                List.of(new MatchingProblem.ExistingPlacement(alreadyInZutphen, zutphenSecure.id(), kroonbeek.id())), MatchingWeights.DEFAULTS),
                Duration.ofSeconds(1), score -> { });
        Explanation explanation = new Explainer(solved, NAMES).explain(1).orElseThrow();

        assertThat(explanation.chosen().offerId()).isEqualTo(1);
        assertThat(explanation.summary()).isEqualTo("Placed at offer 1 in Apeldoorn (security level 2), 18 km from "
                + "home in Zutphen; security level 2 as required; daily tariff € 455.");
        assertThat(explanation.alternatives()).extracting(Explanation.OfferNote::text)
                .containsExactly("offer 6 in Zutphen (security level 3): full: its 1 place(s) are taken; it is also 1 "
                        + "security level(s) above the one needed");
        assertThat(explanation.notEligible()).extracting(Explanation.OfferNote::text).containsExactly(
                "offer 4 in Deventer (security level 2): Deventer is excluded for this youth",
                "offer 12 in Lochem (security level 2): no contract covers Zutphen for care type 43 there on 2026-12-01");
    }

    @Test
    void explainsAReferralLeftWithoutAPlaceAndWhatWouldHaveBeenNeeded() {
        Offer lochem = offer(12, 3, "GM0262", 52.1590, 6.4110, 2, 5);
        Contract lochemOnly = new Contract(5, 3, Set.of("GM0262"), Map.of("43", 430_00L), START.minusYears(1),
                START.plusYears(1), null, null);
        Demand zutphenYouth = new Demand(1, Urgency.HIGH, 1, "43", 2, 16, "MALE", Set.of("LVB"), "GM0301", 52.1389,
                6.2011, Set.of(), START, 182, null);

        MatchingSolution solved = new MatchingEngine().solve(
                MatchingProblem.of(List.of(lochem), List.of(lochemOnly), List.of(zutphenYouth), List.of(), MatchingWeights.DEFAULTS),
                Duration.ofSeconds(1), score -> { });
        Explanation explanation = new Explainer(solved, NAMES).explain(1).orElseThrow();

        assertThat(explanation.chosen()).isNull();
        assertThat(explanation.unmetReason()).isEqualTo(UnmetDemandReason.NO_CONTRACT);
        assertThat(explanation.summary()).isEqualTo("No place now (NO_CONTRACT): a contract that covers Zutphen for "
                + "care type 43 with a provider of a fitting offer");
        assertThat(explanation.notEligible()).extracting(Explanation.OfferNote::offerId).containsExactly(12L);
    }
}
