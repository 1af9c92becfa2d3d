package nl.passend.solver;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

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
    }

    public MatchingSolution solve(MatchingSolution problem, Duration timeLimit,
            Consumer<HardMediumSoftLongScore> progress) {
        Solver<MatchingSolution> solver = solverFactory(timeLimit).buildSolver();
        solver.addEventListener(event -> progress.accept(event.getNewBestSolution().getScore()));
        return solver.solve(problem);
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
     * score a solution by the same constraints, such as the benchmark.
     */
    public SolverFactory<MatchingSolution> solverFactory(Duration timeLimit) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(MatchingSolution.class)
                .withEntityClasses(Referral.class)
                .withEnvironmentMode(environmentMode)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(MatchingConstraints.class)
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(MatchingConstruction.class)),
                        localSearch())
                .withTerminationConfig(new TerminationConfig().withSpentLimit(timeLimit));
        return SolverFactory.create(config);
    }
}
