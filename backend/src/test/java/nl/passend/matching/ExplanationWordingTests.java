package nl.passend.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.passend.solver.Contract;
import nl.passend.solver.Demand;
import nl.passend.solver.Explainer;
import nl.passend.solver.Explanation;
import nl.passend.solver.MatchingEngine;
import nl.passend.solver.MatchingProblem;
import nl.passend.solver.MatchingSolution;
import nl.passend.solver.MatchingWeights;
import nl.passend.solver.Offer;
import nl.passend.solver.Phrase;
import nl.passend.solver.Phrase.Count;
import nl.passend.solver.Phrase.Euros;
import nl.passend.solver.Phrase.Gender;
import nl.passend.solver.Phrase.Level;
import nl.passend.solver.Phrase.Part;
import nl.passend.solver.Phrase.Text;
import nl.passend.solver.Urgency;

/**
 * The first journey's explanation as the probation officer reads it: in Dutch on the pages, and in the API in the
 * English sentences it has always given, word for word; stored explanations read back as written.
 */
class ExplanationWordingTests {

    private static final LocalDate START = LocalDate.of(2026, 12, 1);
    private static final Map<String, String> NAMES = Map.of("GM0301", "Zutphen", "GM0200", "Apeldoorn",
            "GM0150", "Deventer", "GM0262", "Lochem");
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private final ExplanationWording wording = new ExplanationWording(messages());
    private final StoredExplanations stored = new StoredExplanations(JsonMapper.builder().findAndAddModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());

    /** The pages' messages as Spring Boot configures them (spring.messages in application.yaml). */
    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void theJourneyReadsInDutch() {
        Explanation explanation = journey();

        assertThat(words(explanation.chosen().text(), DUTCH)).isEqualTo("Geplaatst bij aanbod 1 in Apeldoorn, op 18 km "
                + "van huis in Zutphen; beveiligingsniveau 2 (besloten) zoals vereist; dagtarief € 455,00.");
        assertThat(explanation.alternatives()).extracting(note -> words(note.text(), DUTCH)).containsExactly(
                "Aanbod 6 in Zutphen, beveiligingsniveau 3 (gesloten). Vol: de enige plaats is bezet; bovendien één "
                        + "beveiligingsniveau hoger dan nodig.");
        assertThat(explanation.notEligible()).extracting(note -> words(note.text(), DUTCH)).containsExactly(
                "Aanbod 4 in Deventer, beveiligingsniveau 2 (besloten). Deventer is voor deze jongere uitgesloten.",
                "Aanbod 12 in Lochem, beveiligingsniveau 2 (besloten). Geen contract dekt Zutphen voor zorgtype 43 bij "
                        + "dit aanbod op 1 december 2026.");
    }

    @Test
    void theApiKeepsItsEnglishSentences() {
        Explanation explanation = journey();

        assertThat(words(explanation.chosen().text(), Locale.ENGLISH)).isEqualTo("Placed at offer 1 in Apeldoorn "
                + "(security level 2), 18 km from home in Zutphen; security level 2 as required; daily tariff € 455.");
        assertThat(explanation.alternatives()).extracting(note -> words(note.text(), Locale.ENGLISH)).containsExactly(
                "offer 6 in Zutphen (security level 3): full: its 1 place(s) are taken; it is also 1 security level(s) "
                        + "above the one needed");
        assertThat(explanation.notEligible()).extracting(note -> words(note.text(), Locale.ENGLISH)).containsExactly(
                "offer 4 in Deventer (security level 2): Deventer is excluded for this youth",
                "offer 12 in Lochem (security level 2): no contract covers Zutphen for care type 43 there on "
                        + "2026-12-01");
    }

    @Test
    void aYouthWithoutAPlaceReadsWhatWasNeeded() {
        Offer lochem = offer(12, 3, "GM0262", 52.1590, 6.4110, 2, 5);
        Contract lochemOnly = new Contract(5, 3, Set.of("GM0262"), Map.of("43", 430_00L), START.minusYears(1),
                START.plusYears(1), null, null);
        Demand zutphenYouth = new Demand(1, Urgency.HIGH, 1, "43", 2, 16, "MALE", Set.of("LVB"), "GM0301", 52.1389,
                6.2011, Set.of(), START, 182, null);
        Explanation explanation = explain(List.of(lochem), List.of(lochemOnly), List.of(zutphenYouth));

        assertThat(summary(explanation, Locale.ENGLISH)).isEqualTo("No place now (NO_CONTRACT): a contract that "
                + "covers Zutphen for care type 43 with a provider of a fitting offer");
        assertThat(summary(explanation, DUTCH)).isEqualTo("Nu geen plek (geen contract). Nodig is een contract dat "
                + "Zutphen dekt voor zorgtype 43, met een aanbieder van een passend aanbod.");
    }

    @Test
    void aYouthLeftWithoutAPlaceByAProvenAnswerReadsThatNoneIsBetter() {
        // Two youths for one place: the one who waits longer gets it, and the run proves nothing better exists.
        Offer apeldoorn = offer(1, 1, "GM0200", 52.2112, 5.9699, 2, 1);
        Contract hazelaar = new Contract(1, 1, Set.of("GM0301"), Map.of("43", 455_50L), START.minusYears(1),
                START.plusYears(1), null, null);
        Demand waitingLonger = new Demand(1, Urgency.HIGH, 30, "43", 2, 16, "MALE", Set.of(), "GM0301", 52.1389,
                6.2011, Set.of(), START, 182, null);
        Demand waitingLess = new Demand(2, Urgency.HIGH, 1, "43", 2, 16, "MALE", Set.of(), "GM0301", 52.1389,
                6.2011, Set.of(), START, 182, null);
        MatchingSolution problem = MatchingProblem.of(List.of(apeldoorn), List.of(hazelaar),
                List.of(waitingLonger, waitingLess), List.of(), MatchingWeights.DEFAULTS);
        Explainer explainer = new Explainer(new MatchingEngine().solve(problem, Duration.ofSeconds(1), score -> { }),
                NAMES);

        assertThat(words(explainer.explain(1).orElseThrow().chosen().text(), DUTCH))
                .endsWith("dagtarief € 455,50.");
        assertThat(words(explainer.explain(1).orElseThrow().chosen().text(), Locale.ENGLISH))
                .as("whole euros, as the API always gave them").endsWith("daily tariff € 455.");
        Explanation unplaced = explainer.explain(2).orElseThrow();
        assertThat(summary(unplaced, Locale.ENGLISH)).isEqualTo("No place now (NO_CAPACITY): a free place at one of "
                + "the contracted offers that fit No better answer exists: this run is proven optimal, so any place "
                + "for this youth would have been taken from youths who together wait as long or longer, weighed by "
                + "urgency.");
        assertThat(summary(unplaced, DUTCH)).isEqualTo("Nu geen plek (geen plaats vrij). Nodig is een vrije plaats bij "
                + "een van de gecontracteerde aanbiedingen die passen. Een beter antwoord bestaat niet: deze "
                + "matchingrun is bewezen optimaal. Elke plek voor deze jongere was ten koste gegaan van jongeren die "
                + "samen even lang of langer wachten, gewogen naar urgentie.");
        assertThat(unplaced.alternatives()).extracting(note -> words(note.text(), Locale.ENGLISH))
                .containsExactly("offer 1 in Apeldoorn (security level 2): full: its 1 place(s) are taken");
    }

    @Test
    void theOtherRulesKeepTheirEnglishAndReadInDutch() {
        // Each as the solver words it, against the English sentence it wrote before phrases.
        assertThat(words(Phrase.of("explanation.age", new Count(12), new Count(17), new Count(18)), Locale.ENGLISH))
                .isEqualTo("it takes ages 12 to 17; the youth is 18");
        assertThat(words(Phrase.of("explanation.gender", new Gender("FEMALE")), Locale.ENGLISH))
                .isEqualTo("it does not take gender FEMALE");
        assertThat(words(Phrase.of("explanation.gender", new Gender("FEMALE")), DUTCH))
                .isEqualTo("Het is niet voor jongeren met gender Vrouw");
        assertThat(words(Phrase.of("explanation.securityBelow", new Level(1), new Count(2)), Locale.ENGLISH))
                .isEqualTo("security level 1 is below the required 2");
        assertThat(words(Phrase.of("explanation.securityAbove", new Level(4), new Count(2), new Count(2)),
                Locale.ENGLISH)).isEqualTo("security level 4, 2 above the required 2");
        assertThat(words(Phrase.of("explanation.securityAbove", new Level(4), new Count(2), new Count(2)), DUTCH))
                .isEqualTo("beveiligingsniveau 4 (justitieel), 2 niveaus hoger dan het vereiste niveau 2");
        assertThat(words(Phrase.of("explanation.scoresWorseMoreSecure", new Count(40), new Count(1), new Count(1250),
                new Count(980)), Locale.ENGLISH)).isEqualTo("it scores worse: 40 km from home, 1 security level(s) "
                        + "more than needed, cost 1250 points against 980");
        assertThat(words(Phrase.of("explanation.volumeCeiling", new Count(12)), DUTCH))
                .isEqualTo("Het contract heeft zijn plafond van 12 plaatsingen bereikt");
        assertThat(words(Phrase.of("explanation.full", new Count(4)), DUTCH))
                .isEqualTo("Vol: alle 4 plaatsen zijn bezet");
        assertThat(words(Phrase.of("explanation.needed.NO_OFFER.withSpecialisms", new Text("43"), new Level(2),
                new Count(16), new Gender("MALE"), new Text("LVB")), Locale.ENGLISH)).isEqualTo("an offer of care type "
                        + "43 at security level 2 or higher for a 16-year-old (MALE) with LVB");
        assertThat(words(Phrase.of("explanation.placed", new Count(1234), new Text("Apeldoorn"), new Level(2),
                new Count(32), new Text("Zutphen"), new Part(Phrase.of("explanation.securityAsRequired",
                        new Level(2))), new Euros(1_234_56)), DUTCH)).isEqualTo("Geplaatst bij aanbod 1234 in "
                                + "Apeldoorn, op 32 km van huis in Zutphen; beveiligingsniveau 2 (besloten) zoals "
                                + "vereist; dagtarief € 1.234,56.");
    }

    @Test
    void everyOtherSentenceKeepsItsEnglishAndHasDutch() {
        // The Explainer's remaining sentences against the English it wrote before phrases; each one also in Dutch.
        List<Map.Entry<Phrase, String>> sentences = List.of(
                Map.entry(Phrase.of("explanation.fullNoPlace"), "full: it has no place for Passend now"),
                Map.entry(Phrase.of("explanation.coDefendant"), "a co-defendant is placed at this location"),
                Map.entry(Phrase.of("explanation.fitsAsWell"),
                        "it fits as well; the place went where it served the region most"),
                Map.entry(Phrase.of("explanation.scoresWorse", new Count(25), new Count(47), new Count(40)),
                        "it scores worse: 25 km from home, cost 47 points against 40"),
                Map.entry(Phrase.of("explanation.careType", new Text("44")), "it is care type 44"),
                Map.entry(Phrase.of("explanation.specialism", new Text("LVB, GGZ")), "it lacks specialism LVB, GGZ"),
                Map.entry(Phrase.of("explanation.unplaced", new Part(Phrase.of("explanation.reason.NO_OFFER")),
                        new Part(Phrase.of("explanation.needed.NO_OFFER", new Text("46"), new Level(3),
                                new Count(17), new Gender("X")))),
                        "No place now (NO_OFFER): an offer of care type 46 at security level 3 or higher for a "
                                + "17-year-old (X)"),
                Map.entry(Phrase.of("explanation.unplaced", new Part(Phrase.of("explanation.reason.CEILING")),
                        new Part(Phrase.of("explanation.needed.CEILING", new Text("Winterswijk")))),
                        "No place now (CEILING): room under the volume or budget ceiling of a contract that covers "
                                + "Winterswijk"),
                Map.entry(Phrase.of("explanation.unplaced", new Part(Phrase.of("explanation.reason.EXCLUDED")),
                        new Part(Phrase.of("explanation.needed.EXCLUDED"))),
                        "No place now (EXCLUDED): a fitting offer outside the municipalities excluded for this youth"));

        assertThat(sentences).allSatisfy(sentence -> {
            assertThat(words(sentence.getKey(), Locale.ENGLISH)).isEqualTo(sentence.getValue());
            assertThat(words(sentence.getKey(), DUTCH)).isNotBlank().doesNotContain("{", "NO_", "CEILING", "EXCLUDED")
                    .isNotEqualTo(sentence.getValue());
        });
        assertThat(words(sentences.get(6).getKey(), DUTCH)).isEqualTo("Nu geen plek (geen passend aanbod). Nodig is "
                + "een aanbod van zorgtype 46 op beveiligingsniveau 3 (gesloten) of hoger voor een jongere van 17 jaar "
                + "(X).");
    }

    @Test
    void aStoredExplanationReadsBackTheSame() throws Exception {
        Explanation explanation = journey();

        assertThat(stored.read(stored.write(explanation), StoredExplanations.PHRASES)).isEqualTo(explanation);
    }

    @Test
    void anExplanationStoredAsEnglishSentencesIsShownAsWritten() throws Exception {
        Explanation old = stored.read("""
                {"referralId": 1, "chosen": {"offerId": 1, "distanceKilometres": 18, "extraSecurityLevels": 0,
                  "tariffPoints": 45, "text": "Placed at offer 1 in Apeldoorn (security level 2), 18 km from home."},
                 "alternatives": [{"offerId": 6, "distanceKilometres": 0, "text": "offer 6 in Zutphen: full"}],
                 "notEligible": [], "unmetReason": null,
                 "summary": "Placed at offer 1 in Apeldoorn (security level 2), 18 km from home."}""",
                StoredExplanations.SENTENCES);

        assertThat(old.chosen().offerId()).isEqualTo(1);
        assertThat(words(old.chosen().text(), DUTCH)).isEqualTo("Placed at offer 1 in Apeldoorn (security level 2), "
                + "18 km from home.");
        assertThat(summary(old, Locale.ENGLISH)).isEqualTo(words(old.chosen().text(), Locale.ENGLISH));
        assertThat(old.alternatives()).extracting(note -> words(note.text(), DUTCH))
                .containsExactly("offer 6 in Zutphen: full");
    }

    private String words(Phrase phrase, Locale locale) {
        return wording.word(phrase, locale);
    }

    private String summary(Explanation explanation, Locale locale) {
        MatchingMapper.Words words = phrase -> wording.word(phrase, locale);
        return new MatchingMapperImpl().toDto(explanation, 1, null, words).getSummary();
    }

    /** The first journey: Apeldoorn chosen; Zutphen's secure group full; Deventer excluded; Lochem not contracted. */
    static Explanation journey() {
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
        MatchingSolution problem = MatchingProblem.of(List.of(apeldoorn, zutphenSecure, deventer, lochem),
                List.of(hazelaar, kroonbeek, lochemOnly), List.of(zutphenYouth),
                List.of(new MatchingProblem.ExistingPlacement(alreadyInZutphen, zutphenSecure.id(), kroonbeek.id())),
                MatchingWeights.DEFAULTS);
        return new Explainer(new MatchingEngine().solve(problem, Duration.ofSeconds(1), score -> { }), NAMES)
                .explain(1).orElseThrow();
    }

    private static Explanation explain(List<Offer> offers, List<Contract> contracts, List<Demand> demands) {
        MatchingSolution problem = MatchingProblem.of(offers, contracts, demands, List.of(), MatchingWeights.DEFAULTS);
        return new Explainer(new MatchingEngine().solve(problem, Duration.ofSeconds(1), score -> { }), NAMES)
                .explain(demands.get(0).referralId()).orElseThrow();
    }

    private static Offer offer(long id, long provider, String municipality, double lat, double lon, int level,
            int capacity) {
        return new Offer(id, id, provider, municipality, lat, lon, "43", level, 12, 18, Set.of("MALE"), Set.of("LVB"),
                capacity);
    }
}
