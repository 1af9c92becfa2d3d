package nl.passend.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;

import nl.passend.benchmark.SyntheticRegion.Instance;
import nl.passend.benchmark.SyntheticRegion.Supply;
import nl.passend.solver.MatchingEngine;
import nl.passend.solver.MatchingProblem;
import nl.passend.solver.MatchingSolution;
import nl.passend.solver.MatchingWeights;

/** The engine against the greedy baseline and the proved optimum, on a generated region small enough to prove. */
class MatchingQualityTests {

    private static final SolutionManager<MatchingSolution, HardMediumSoftLongScore> SCORING =
            SolutionManager.create(new MatchingEngine().solverFactory(Duration.ofSeconds(1)));

    @ParameterizedTest
    @ValueSource(longs = {1, 4})
    void theEngineIsNeverWorseThanGreedyAndFindsTheProvedOptimum(long seed) {
        Instance instance = new SyntheticRegion().generate(40, Supply.SCARCE, seed);

        HardMediumSoftLongScore greedy = SCORING.update(GreedyBaseline.solve(problem(instance)));
        ExactReference.Result exact = ExactReference.solve(problem(instance), Duration.ofSeconds(20));
        HardMediumSoftLongScore optimum = SCORING.update(exact.solution());
        MatchingSolution solved = new MatchingEngine().solve(problem(instance), Duration.ofSeconds(2), score -> { });

        assertThat(exact.bound().provenOptimal()).isTrue();
        assertThat(greedy.hardScore()).isZero();
        assertThat(optimum).isGreaterThanOrEqualTo(greedy);
        assertThat(solved.getScore()).isEqualTo(SCORING.update(solved));
        assertThat(solved.getScore()).isGreaterThanOrEqualTo(greedy).isEqualTo(optimum);
    }

    @ParameterizedTest
    @EnumSource(Supply.class)
    void theGeneratorIsSeeded(Supply supply) {
        SyntheticRegion region = new SyntheticRegion();
        assertThat(region.generate(300, supply, 11)).isEqualTo(region.generate(300, supply, 11));
    }

    private static MatchingSolution problem(Instance instance) {
        return MatchingProblem.of(instance.offers(), instance.contracts(), instance.open(), instance.existing(),
                MatchingWeights.DEFAULTS);
    }
}
