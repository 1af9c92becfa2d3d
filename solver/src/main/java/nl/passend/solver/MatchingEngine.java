package nl.passend.solver;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.google.ortools.Loader;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/** Solves a matching problem within a time limit, reporting each better score it finds. */
public final class MatchingEngine {

    private final EnvironmentMode environmentMode;

    /** The engine as it runs in production. */
    public MatchingEngine() {
        this(EnvironmentMode.REPRODUCIBLE);
    }

    /** An engine that checks its own score calculation as it goes (slow; for tests). */
    public MatchingEngine(EnvironmentMode environmentMode) {
        this.environmentMode = environmentMode;
        // OR-Tools unpacks its native libraries once per JVM: here, rather than in the first run's time limit.
        Loader.loadNativeLibraries();
    }

    /**
     * Solves the problem within the time limit, or sooner when the answer is proven optimal; the answer's
     * {@link MatchingSolution#getBound()} tells how far from the optimum it may be.
     */
    public MatchingSolution solve(MatchingSolution problem, Duration timeLimit,
            Consumer<HardMediumSoftLongScore> progress) {
        AtomicReference<Solver<MatchingSolution>> running = new AtomicReference<>();
        ExactMatching exact = new ExactMatching(timeLimit.toMillis(), () -> running.get().terminateEarly());
        Solver<MatchingSolution> solver = solverFactory(timeLimit, exact).buildSolver();
        running.set(solver);
        solver.addEventListener(event -> progress.accept(event.getNewBestSolution().getScore()));
        MatchingSolution solved;
        try {
            solved = solver.solve(problem);
        } finally {
            exact.finish();
        }
        // Local search only ever keeps a better answer, so the bound proven before it still holds; a proven optimum
        // scores the same as the best answer, which may differ from it in its ties only.
        solved.setBound(exact.bound());
        exact.proposeProvenAnswer(solved);
        return solved;
    }

    /**
     * Simulated annealing over change and swap moves and, one move in five, {@link DisplacingMoveFactory}'s moves that
     * make room, one accepted move a step: on generated regions it found the proved optimum of small cases where late
     * acceptance, tabu search and great deluge stopped short. The moves that make room took about 300–450 more medium
     * points off the tight 5,000-referral region in 30 s; at one move in three they took more there but cost the
     * 500-referral region a little.
     */
    private static LocalSearchPhaseConfig localSearch() {
        return new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig()
                        .withSimulatedAnnealingStartingTemperature("0hard/10medium/50soft"))
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                        new ChangeMoveSelectorConfig().withFixedProbabilityWeight(2.0),
                        new SwapMoveSelectorConfig().withFixedProbabilityWeight(2.0),
                        new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(DisplacingMoveFactory.class)
                                .withFixedProbabilityWeight(1.0)))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
    }

    /**
     * The factory of the solvers {@link #solve} runs, for callers that need the solver itself (its statistics) or
     * score a solution by the same constraints, such as the benchmark. Its solvers run to the time limit.
     */
    public SolverFactory<MatchingSolution> solverFactory(Duration timeLimit) {
        return solverFactory(timeLimit, new ExactMatching(timeLimit.toMillis(), () -> { }));
    }

    /**
     * Construction (augmenting paths), the exact phase, then local search from the exact phase's answer unless that
     * is proven optimal, when the exact phase may stop the solver.
     */
    private SolverFactory<MatchingSolution> solverFactory(Duration timeLimit, ExactMatching exact) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(MatchingSolution.class)
                .withEntityClasses(Referral.class)
                .withEnvironmentMode(environmentMode)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(MatchingConstraints.class)
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(MatchingConstruction.class)),
                        new CustomPhaseConfig().withCustomPhaseCommands(exact),
                        localSearch())
                .withTerminationConfig(new TerminationConfig().withSpentLimit(timeLimit));
        return SolverFactory.create(config);
    }
}
