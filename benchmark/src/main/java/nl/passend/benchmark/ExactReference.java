package nl.passend.benchmark;

import java.time.Duration;
import java.util.Arrays;

import nl.passend.solver.MatchingProgram;
import nl.passend.solver.MatchingProgram.Answer;
import nl.passend.solver.MatchingProgram.Goal;
import nl.passend.solver.MatchingSolution;
import nl.passend.solver.ScoreBound;

/**
 * The reference: the engine's program ({@link MatchingProgram}) solved whole, with long limits and no neighbourhoods.
 * The linear relaxation (GLOP) gives a bound on every instance it solves within the limit; SCIP then solves the whole
 * program from the given start (greedy, in the benchmark), medium first and then soft with the medium kept, and may
 * tighten the bound. It says whether it proved both stages optimal.
 */
public final class ExactReference {

    /**
     * The outcome of a run.
     *
     * @param bound the best bound found: the relaxation's or SCIP's, whichever is tighter
     */
    public record Result(MatchingSolution solution, ScoreBound bound, String status, int options, long millis) {
    }

    private ExactReference() {
    }

    /**
     * Solves the problem, each of the relaxation and the two stages within the limit, and sets the offers of its
     * referrals to the best answer found; the offers already set (a greedy answer, say) are SCIP's start.
     */
    public static Result solve(MatchingSolution problem, Duration limitPerStage) {
        long started = System.nanoTime();
        MatchingProgram program = MatchingProgram.of(problem);
        boolean[] all = new boolean[program.open().size()];
        Arrays.fill(all, true);
        int[] best = program.choiceOf(problem);
        long limit = limitPerStage.toMillis();

        Answer relaxation = program.solve(Goal.MEDIUM, all, best, true, limit);
        double savedBound = relaxation == null ? Double.POSITIVE_INFINITY : relaxation.bound();
        Answer medium = program.solve(Goal.MEDIUM, all, best, false, limit);
        if (medium != null) {
            savedBound = Math.min(savedBound, medium.bound());
            if (program.mediumScore(medium.choice()) >= program.mediumScore(best)) {
                best = medium.choice();
            }
        }
        long mediumBound = program.mediumScoreBound(savedBound);
        boolean mediumProven = program.mediumScore(best) >= mediumBound;
        Answer soft = program.solve(Goal.SOFT, all, best, false, limit);
        if (soft != null && program.softScore(soft.choice()) >= program.softScore(best)) {
            best = soft.choice();
        }
        Long softBound = mediumProven && soft != null ? program.softScoreBound(soft.bound()) : null;
        program.assign(best);
        String status = "relaxation " + (relaxation == null ? "not solved" : "solved") + ", medium "
                + (medium == null ? "no answer" : medium.optimal() ? "optimal" : "stopped") + ", soft "
                + (soft == null ? "no answer" : soft.optimal() ? "optimal" : "stopped");
        return new Result(problem, new ScoreBound(mediumBound, softBound,
                mediumProven && soft != null && soft.optimal()), status, program.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
