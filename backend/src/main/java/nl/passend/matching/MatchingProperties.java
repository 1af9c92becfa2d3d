package nl.passend.matching;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import nl.passend.solver.MatchingWeights;

/**
 * How matching runs.
 *
 * @param parallelRuns how many jobs (runs, scenarios, advice) solve at once per instance: db-scheduler's threads
 * @param weights the weights of the score; DESIGN.md's defaults when left out
 * @param scheduleMinInterval how close two occurrences of a schedule may be: planners match every week (JOURNEYS.md),
 *        and a run every minute would only queue behind itself
 */
@ConfigurationProperties("passend.matching")
record MatchingProperties(@DefaultValue("1") int parallelRuns, MatchingWeights weights,
        @DefaultValue("1h") Duration scheduleMinInterval) {

    MatchingProperties {
        if (parallelRuns < 1) {
            throw new IllegalArgumentException("passend.matching.parallel-runs must be at least 1");
        }
        weights = weights == null ? MatchingWeights.DEFAULTS : weights;
    }
}
