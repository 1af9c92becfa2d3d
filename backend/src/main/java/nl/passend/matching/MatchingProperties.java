package nl.passend.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import nl.passend.solver.MatchingWeights;

/**
 * How matching runs.
 *
 * @param parallelRuns how many jobs (runs, scenarios, advice) solve at once per instance: db-scheduler's threads
 * @param weights the weights of the score; DESIGN.md's defaults when left out
 */
@ConfigurationProperties("passend.matching")
record MatchingProperties(@DefaultValue("1") int parallelRuns, MatchingWeights weights) {

    MatchingProperties {
        if (parallelRuns < 1) {
            throw new IllegalArgumentException("passend.matching.parallel-runs must be at least 1");
        }
        weights = weights == null ? MatchingWeights.DEFAULTS : weights;
    }
}
