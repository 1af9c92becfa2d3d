package nl.passend.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import nl.passend.solver.MatchingProgram.Answer;
import nl.passend.solver.MatchingProgram.Goal;

/** The Lagrangian bound: no answer above it, and the linear relaxation's where no budget or ceiling binds. */
class LagrangianBoundTests {

    private static final LocalDate START = LocalDate.of(2026, 12, 1);

    /** Long enough for the steps to stop by themselves on these small regions; nothing here measures speed. */
    private static final long LIMIT_MILLIS = 10_000;

    @Test
    void isNoLowerThanTheBestOfEveryAssignmentOfSmallRegions() {
        for (long seed = 1; seed <= 6; seed++) {
            MatchingSolution problem = ExactMatchingTests.smallRegion(new Random(seed));
            HardMediumSoftLongScore best = ExactMatchingTests.bestByEnumeration(problem);
            MatchingProgram program = MatchingProgram.of(problem);

            // Aimed at no answer at all (every referral without a place): the bound may not lean on its target.
            double saved = program.lagrangianMediumBound(LIMIT_MILLIS, program.choiceOf(problem));

            assertThat(program.mediumScoreBound(saved)).as("seed %d", seed)
                    .isGreaterThanOrEqualTo(best.mediumScore());
        }
    }

    @Test
    void isNoLowerThanTheOptimumScipProvesWhereBudgetsAndCeilingsBind() {
        for (long seed = 1; seed <= 4; seed++) {
            MatchingSolution problem = ExactMatchingTests.largeRegion(new Random(seed), 80);
            MatchingProgram program = MatchingProgram.of(problem);
            Answer optimum = program.solve(Goal.MEDIUM, all(program), program.choiceOf(problem), false, 60_000);
            assertThat(optimum.optimal()).as("seed %d", seed).isTrue();

            double saved = program.lagrangianMediumBound(LIMIT_MILLIS, optimum.choice());

            assertThat(program.mediumScoreBound(saved)).as("seed %d", seed)
                    .isGreaterThanOrEqualTo(program.mediumScore(optimum.choice()));
        }
    }

    @Test
    void equalsTheLinearRelaxationWhereNoBudgetOrCeilingBinds() {
        for (long seed = 1; seed <= 4; seed++) {
            MatchingSolution problem = regionWithRoomToSpare(new Random(seed), 120);
            MatchingProgram program = MatchingProgram.of(problem);
            int[] none = program.choiceOf(problem);
            Answer relaxation = program.solve(Goal.MEDIUM, all(program), none, true, 60_000);

            double saved = program.lagrangianMediumBound(LIMIT_MILLIS, none);

            // Each referral at most one offer, each offer at most its places: a transportation problem, integral.
            assertThat(program.mediumScoreBound(saved)).as("seed %d", seed)
                    .isEqualTo(program.mediumScoreBound(relaxation.bound()));
        }
    }

    /**
     * Youths from ten towns and fewer places than youths, so that offers are full; one contract whose volume ceiling
     * and budget have room for everyone, and no co-defendants.
     */
    private static MatchingSolution regionWithRoomToSpare(Random random, int youths) {
        List<Offer> offers = new ArrayList<>();
        for (int id = 1; id <= youths / 10; id++) {
            offers.add(new Offer(id, id, 1, "GM0" + (100 + id % 10), 52 + random.nextDouble(), 6 + random.nextDouble(),
                    id % 2 == 0 ? "43" : "44", random.nextInt(5), 12, 18, Set.of("MALE", "FEMALE"), Set.of(),
                    1 + random.nextInt(6)));
        }
        Set<String> towns = Set.of("GM0100", "GM0101", "GM0102", "GM0103", "GM0104", "GM0105", "GM0106", "GM0107",
                "GM0108", "GM0109");
        Contract contract = new Contract(1, 1, towns, Map.of("43", 450_00L, "44", 300_00L), START.minusYears(1),
                START.plusYears(1), youths, youths * 365 * 450_00L);
        List<Demand> open = new ArrayList<>();
        for (int id = 1; id <= youths; id++) {
            open.add(new Demand(id, Urgency.values()[random.nextInt(3)], random.nextInt(60), id % 2 == 0 ? "43" : "44",
                    random.nextInt(4), 12 + random.nextInt(7), random.nextBoolean() ? "MALE" : "FEMALE", Set.of(),
                    "GM0" + (100 + random.nextInt(10)), 52 + random.nextDouble(), 6 + random.nextDouble(), Set.of(),
                    START, 60 + random.nextInt(120), null));
        }
        return MatchingProblem.of(offers, List.of(contract), open, List.of(), MatchingWeights.DEFAULTS);
    }

    private static boolean[] all(MatchingProgram program) {
        boolean[] all = new boolean[program.open().size()];
        Arrays.fill(all, true);
        return all;
    }
}
