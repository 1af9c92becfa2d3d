package nl.passend.solver;

import java.time.Duration;
import java.util.function.Consumer;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
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
        SolverConfig config = new SolverConfig()
                .withSolutionClass(MatchingSolution.class)
                .withEntityClasses(Referral.class)
                .withEnvironmentMode(environmentMode)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(MatchingConstraints.class)
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
                .withTerminationConfig(new TerminationConfig().withSpentLimit(timeLimit));
        Solver<MatchingSolution> solver = SolverFactory.<MatchingSolution>create(config).buildSolver();
        solver.addEventListener(event -> progress.accept(event.getNewBestSolution().getScore()));
        return solver.solve(problem);
    }
}
