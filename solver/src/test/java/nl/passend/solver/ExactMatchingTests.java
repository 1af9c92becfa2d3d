package nl.passend.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.config.solver.EnvironmentMode;

/** The exact phase: the optimum of crafted regions, bounds no answer beats, and the same answer twice. */
class ExactMatchingTests {

    private static final LocalDate START = LocalDate.of(2026, 12, 1);
    private static final SolutionManager<MatchingSolution, HardMediumSoftLongScore> SCORING =
            SolutionManager.create(new MatchingEngine().solverFactory(Duration.ofSeconds(1)));

    @Test
    void placesTwoShortStaysWhereABudgetFitsThemRatherThanTheOneLongStayGreedyWouldTake() {
        // A budget of € 30,000 at € 200 a day: the crisis youth of 120 days (€ 24,000) comes first in any order by
        // urgency, but the two youths of high urgency, 70 days each (€ 14,000 each), save more medium points together
        // (2 * 2 * (7 + 30) = 148 against 4 * (7 + 10) = 68). The optimum leaves the crisis youth without a place.
        Contract contract = new Contract(1, 1, Set.of("GM0301"), Map.of("43", 200_00L), START.minusYears(1),
                START.plusYears(1), null, 30_000_00L);
        Offer offer = new Offer(1, 1, 1, "GM0301", 52.1389, 6.2011, "43", 1, 12, 18, Set.of("MALE"), Set.of(), 3);
        Demand crisis = demand(1, Urgency.CRISIS, 10, 120);
        Demand first = demand(2, Urgency.HIGH, 30, 70);
        Demand second = demand(3, Urgency.HIGH, 30, 70);

        MatchingSolution solved = new MatchingEngine(EnvironmentMode.FULL_ASSERT).solve(MatchingProblem.of(
                List.of(offer), List.of(contract), List.of(crisis, first, second), List.of(), MatchingWeights.DEFAULTS),
                Duration.ofSeconds(5), score -> { });

        assertThat(offers(solved)).containsEntry(1L, null).containsEntry(2L, 1L).containsEntry(3L, 1L);
        assertThat(solved.getScore()).isEqualTo(HardMediumSoftLongScore.of(0, -4 * (7 + 10), -2 * 10));
        assertThat(solved.getBound()).isEqualTo(new ScoreBound(-68L, -20L, true));
        assertThat(new Explainer(solved, Map.of()).explain(1).orElseThrow().summary()).last()
                .isEqualTo(Phrase.of(Explainer.NO_BETTER_ANSWER));
    }

    @Test
    void noAnswerBeatsTheBoundAndAProvenOptimumIsTheBestOfEveryAssignment() {
        for (long seed = 1; seed <= 6; seed++) {
            MatchingSolution problem = smallRegion(new Random(seed));
            HardMediumSoftLongScore best = bestByEnumeration(problem);

            MatchingSolution solved = new MatchingEngine(EnvironmentMode.FULL_ASSERT).solve(problem,
                    Duration.ofSeconds(5), score -> { });

            assertThat(solved.getBound().provenOptimal()).as("seed %d", seed).isTrue();
            assertThat(solved.getScore()).as("seed %d", seed).isEqualTo(best).isEqualTo(SCORING.update(solved));
            assertThat(best.mediumScore()).isLessThanOrEqualTo(solved.getBound().medium());
            assertThat(best.softScore()).isLessThanOrEqualTo(solved.getBound().soft());
        }
    }

    @Test
    void onARegionTooLargeToProveTheBoundStillHoldsAndNoHardRuleIsBroken() {
        MatchingSolution problem = largeRegion(new Random(7), 1500);

        MatchingSolution solved = new MatchingEngine().solve(problem, Duration.ofSeconds(2), score -> { });

        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getBound().medium()).isNotNull().isGreaterThanOrEqualTo(solved.getScore().mediumScore());
    }

    @Test
    void ofEquallyGoodPlacesTheOfferWithTheLowerIdIsProposedWhateverTheOrderOfTheFacts() {
        // Two offers at one address with one tariff: the same in every term of the score.
        Contract contract = new Contract(1, 1, Set.of("GM0301"), Map.of("43", 200_00L), START.minusYears(1),
                START.plusYears(1), null, null);
        Offer seven = new Offer(7, 7, 1, "GM0301", 52.1389, 6.2011, "43", 2, 12, 18, Set.of("MALE"), Set.of(), 1);
        Offer three = new Offer(3, 3, 1, "GM0301", 52.1389, 6.2011, "43", 2, 12, 18, Set.of("MALE"), Set.of(), 1);
        Demand youth = demand(1, Urgency.NORMAL, 3, 90);

        for (List<Offer> offers : List.of(List.of(seven, three), List.of(three, seven))) {
            MatchingSolution solved = new MatchingEngine().solve(MatchingProblem.of(offers, List.of(contract),
                    List.of(youth), List.of(), MatchingWeights.DEFAULTS), Duration.ofSeconds(5), score -> { });
            assertThat(offers(solved)).containsEntry(1L, 3L);
        }
    }

    @Test
    void anUnchangedRegionGetsTheSameProposalsTwice() {
        List<Map<Long, Long>> answers = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            MatchingSolution problem = largeRegion(new Random(11), 60);
            Collections.shuffle(problem.getReferrals(), new Random(run));
            answers.add(offers(new MatchingEngine().solve(problem, Duration.ofSeconds(10), score -> { })));
        }
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
    }

    /** Four youths, three offers of one or two places, two contracts with tight budgets, a pinned placement. */
    static MatchingSolution smallRegion(Random random) {
        List<Offer> offers = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            offers.add(new Offer(id, id, 1 + id % 2, "GM0" + (300 + id), 52 + random.nextDouble() / 3,
                    6 + random.nextDouble() / 3, "43", 1 + random.nextInt(3), 12, 18, Set.of("MALE"), Set.of(),
                    1 + random.nextInt(2)));
        }
        Set<String> home = Set.of("GM0301");
        List<Contract> contracts = List.of(
                new Contract(1, 1, home, Map.of("43", (150 + random.nextInt(200)) * 100L), START.minusYears(1),
                        START.plusYears(1), 2, (20_000 + random.nextInt(30_000)) * 100L),
                new Contract(2, 2, home, Map.of("43", (150 + random.nextInt(200)) * 100L), START.minusYears(1),
                        START.plusYears(1), null, (20_000 + random.nextInt(30_000)) * 100L));
        List<Demand> open = new ArrayList<>();
        for (long id = 1; id <= 4; id++) {
            open.add(new Demand(id, Urgency.values()[random.nextInt(3)], random.nextInt(40), "43",
                    1 + random.nextInt(2), 16, "MALE", Set.of(), "GM0301", 52.1389, 6.2011, Set.of(), START,
                    30 + random.nextInt(150), id <= 2 ? "co-defendants" : null));
        }
        List<MatchingProblem.ExistingPlacement> existing = List.of(new MatchingProblem.ExistingPlacement(
                demand(100, Urgency.NORMAL, 0, 60), offers.get(0).id(), 2));
        return MatchingProblem.of(offers, contracts, open, existing, MatchingWeights.DEFAULTS);
    }

    /** The best score of all assignments of the open referrals, each to one of its offers or none. */
    static HardMediumSoftLongScore bestByEnumeration(MatchingSolution problem) {
        List<Referral> open = problem.getReferrals().stream().filter(referral -> !referral.isPinned()).toList();
        HardMediumSoftLongScore best = null;
        int[] choice = new int[open.size()];
        while (true) {
            for (int i = 0; i < open.size(); i++) {
                open.get(i).setOffer(choice[i] == 0 ? null : open.get(i).getEligibleOffers().get(choice[i] - 1));
            }
            HardMediumSoftLongScore score = SCORING.update(problem);
            if (best == null || score.compareTo(best) > 0) {
                best = score;
            }
            int i = 0;
            while (i < open.size() && ++choice[i] > open.get(i).getEligibleOffers().size()) {
                choice[i++] = 0;
            }
            if (i == open.size()) {
                open.forEach(referral -> referral.setOffer(null));
                return best;
            }
        }
    }

    /** Youths from ten towns, offers of two care types, one contract with a ceiling and a budget. */
    static MatchingSolution largeRegion(Random random, int youths) {
        List<Offer> offers = new ArrayList<>();
        for (int id = 1; id <= youths / 10; id++) {
            offers.add(new Offer(id, id, 1, "GM0" + (100 + id % 10), 52 + random.nextDouble(), 6 + random.nextDouble(),
                    id % 2 == 0 ? "43" : "44", random.nextInt(5), 12, 18, Set.of("MALE", "FEMALE"), Set.of(),
                    1 + random.nextInt(6)));
        }
        Set<String> towns = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            towns.add("GM0" + (100 + i));
        }
        Contract contract = new Contract(1, 1, towns, Map.of("43", 450_00L, "44", 300_00L), START.minusYears(1),
                START.plusYears(1), youths / 4, youths * 120 * 300_00L / 4);
        List<Demand> open = new ArrayList<>();
        for (int id = 1; id <= youths; id++) {
            open.add(new Demand(id, Urgency.values()[random.nextInt(3)], random.nextInt(60), id % 2 == 0 ? "43" : "44",
                    random.nextInt(4), 12 + random.nextInt(7), random.nextBoolean() ? "MALE" : "FEMALE", Set.of(),
                    "GM0" + (100 + random.nextInt(10)), 52 + random.nextDouble(), 6 + random.nextDouble(), Set.of(),
                    START, 60 + random.nextInt(120), id % 25 == 0 ? "G" + (id % 3) : null));
        }
        return MatchingProblem.of(offers, List.of(contract), open, List.of(), MatchingWeights.DEFAULTS);
    }

    private static Map<Long, Long> offers(MatchingSolution solution) {
        Map<Long, Long> offers = new HashMap<>();
        solution.getReferrals().forEach(referral -> offers.put(referral.getId(),
                referral.getOffer() == null ? null : referral.getOffer().id()));
        return offers;
    }

    /** A youth from Zutphen who needs care type 43 at security level 1. */
    private static Demand demand(long id, Urgency urgency, int daysWaiting, int days) {
        return new Demand(id, urgency, daysWaiting, "43", 1, 16, "MALE", Set.of(), "GM0301", 52.1389, 6.2011, Set.of(),
                START, days, null);
    }
}
