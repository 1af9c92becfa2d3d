package nl.passend.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.passend.solver.Phrase.Count;
import nl.passend.solver.Phrase.Day;
import nl.passend.solver.Phrase.Euros;
import nl.passend.solver.Phrase.Level;
import nl.passend.solver.Phrase.Part;
import nl.passend.solver.Phrase.Text;

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
        // Placed at offer 1 in Apeldoorn (security level 2), 18 km from home in Zutphen; security level 2 as
        // required; daily tariff 455 euros.
        Phrase placed = Phrase.of("explanation.placed", new Count(1), new Text("Apeldoorn"), new Level(2),
                new Count(18), new Text("Zutphen"),
                new Part(Phrase.of("explanation.securityAsRequired", new Level(2))), new Euros(455_00));
        assertThat(explanation.chosen().text()).isEqualTo(placed);
        assertThat(explanation.summary()).containsExactly(placed);
        // The secure group in Zutphen: full, and one level more secure than needed.
        assertThat(explanation.alternatives()).extracting(Explanation.OfferNote::text).containsExactly(
                note(6, "Zutphen", 3, Phrase.of("explanation.alsoMoreSecure",
                        new Part(Phrase.of("explanation.full", new Count(1))), new Count(1))));
        // Deventer is excluded; Lochem's contract does not cover Zutphen on the requested start.
        assertThat(explanation.notEligible()).extracting(Explanation.OfferNote::text).containsExactly(
                note(4, "Deventer", 2, Phrase.of("explanation.excluded", new Text("Deventer"))),
                note(12, "Lochem", 2, Phrase.of("explanation.noContract", new Text("Zutphen"), new Text("43"),
                        new Day(START))));
    }

    /** What the words of a note say: the offer by id, place and level, and why it is not the one. */
    private static Phrase note(long offer, String municipality, int level, Phrase why) {
        return Phrase.of("explanation.note", new Part(Phrase.of("explanation.offer", new Count(offer),
                new Text(municipality), new Level(level))), new Part(why));
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
        // No place now (NO_CONTRACT): a contract that covers Zutphen for care type 43 with a provider of a fitting
        // offer; no word of a proof, as no offer fitted whose place could have been taken.
        assertThat(explanation.summary()).containsExactly(Phrase.of("explanation.unplaced",
                new Part(Phrase.of("explanation.reason.NO_CONTRACT")),
                new Part(Phrase.of("explanation.needed.NO_CONTRACT", new Text("Zutphen"), new Text("43")))));
        assertThat(explanation.notEligible()).extracting(Explanation.OfferNote::offerId).containsExactly(12L);
    }
}
