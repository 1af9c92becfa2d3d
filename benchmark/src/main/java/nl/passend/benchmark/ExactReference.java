package nl.passend.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import nl.passend.solver.MatchingProgram;
import nl.passend.solver.MatchingProgram.Answer;
import nl.passend.solver.MatchingProgram.Goal;
import nl.passend.solver.MatchingSolution;
import nl.passend.solver.ScoreBound;

/**
 * The reference: the engine's program ({@link MatchingProgram}) solved whole, with long limits and no neighbourhoods.
 * The linear relaxation (GLOP) gives a bound on every instance it solves within the limit; SCIP then solves the whole
 * program from the given start (greedy, in the benchmark), medium first and then soft with the medium kept, and may
 * tighten the bound; the Lagrangian relaxation ({@link MatchingProgram#lagrangianMediumBound}) gives a bound on every
 * instance, also where GLOP does not solve. The tightest of the three is the reference's. It says whether it proved
 * both stages optimal, and which bound was the tightest.
 */
public final class ExactReference {

    /**
     * The outcome of a run.
     *
     * @param bound the best bound found: the relaxation's, SCIP's or the Lagrangian one, whichever is tightest
     */
    public record Result(MatchingSolution solution, ScoreBound bound, String status, int options, long millis) {
    }

    private ExactReference() {
    }

    /**
     * Solves the problem, each of the relaxation and the two stages within the limit, the Lagrangian bound within
     * twice the limit (it stops sooner once it no longer improves), and sets the offers of its referrals to the best
     * answer found; the offers already set (a greedy answer, say) are SCIP's start.
     */
    public static Result solve(MatchingSolution problem, Duration limitPerStage) {
        long started = System.nanoTime();
        MatchingProgram program = MatchingProgram.of(problem);
        boolean[] all = new boolean[program.open().size()];
        Arrays.fill(all, true);
        int[] best = program.choiceOf(problem);
        long limit = limitPerStage.toMillis();

        Answer relaxation = program.solve(Goal.MEDIUM, all, best, true, limit);
        Answer medium = program.solve(Goal.MEDIUM, all, best, false, limit);
        if (medium != null && program.mediumScore(medium.choice()) >= program.mediumScore(best)) {
            best = medium.choice();
        }
        long lagrangianStarted = System.nanoTime();
        double lagrangian = program.lagrangianMediumBound(2 * limit, best);
        long lagrangianMillis = (System.nanoTime() - lagrangianStarted) / 1_000_000;

        // Each bound in medium score, none where it was not found; no answer scores above any, so the lowest holds.
        Map<String, Long> bounds = new LinkedHashMap<>();
        bounds.put("relaxation", relaxation == null ? null : program.mediumScoreBound(relaxation.bound()));
        bounds.put("SCIP", medium == null ? null : program.mediumScoreBound(medium.bound()));
        bounds.put("Lagrangian", program.mediumScoreBound(lagrangian));
        String tightest = bounds.entrySet().stream().filter(entry -> entry.getValue() != null)
                .min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long mediumBound = bounds.get(tightest);
        boolean mediumProven = program.mediumScore(best) >= mediumBound;
        Answer soft = program.solve(Goal.SOFT, all, best, false, limit);
        if (soft != null && program.softScore(soft.choice()) >= program.softScore(best)) {
            best = soft.choice();
        }
        Long softBound = mediumProven && soft != null ? program.softScoreBound(soft.bound()) : null;
        program.assign(best);
        String status = "relaxation " + (relaxation == null ? "not solved" : "solved") + ", medium "
                + (medium == null ? "no answer" : medium.optimal() ? "optimal" : "stopped") + ", soft "
                + (soft == null ? "no answer" : soft.optimal() ? "optimal" : "stopped") + "; medium bounds: "
                + bounds.entrySet().stream().map(entry -> entry.getKey() + " " + (entry.getValue() == null ? "none"
                        : entry.getValue())).collect(Collectors.joining(", "))
                + String.format(" (in %.1f s)", lagrangianMillis / 1000.0) + ", tightest " + tightest;
        return new Result(problem, new ScoreBound(mediumBound, softBound,
                mediumProven && soft != null && soft.optimal()), status, program.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
