package nl.passend.solver;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
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
     * Simulated annealing over the default change and swap moves, one accepted move a step: on generated regions it
     * found the proved optimum of small cases where late acceptance, tabu search and great deluge stopped short.
     */
    private static LocalSearchPhaseConfig localSearch() {
        return new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig()
                        .withSimulatedAnnealingStartingTemperature("0hard/10medium/50soft"))
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
