package nl.passend.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.support.PersistenceTest;
import nl.passend.support.Rows;
import nl.passend.support.TwoTransactions;

@PersistenceTest
class MatchingRunRepositoryTests {

    @Autowired
    MatchingRunRepository runs;

    @Autowired
    Rows rows;

    /** Applying locks the run first, so that two planners applying it at once propose its places once. */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aLockedRunMakesTheNextLockWaitAndThenShowsThatItWasApplied(@Autowired TwoTransactions race)
            throws Exception {
        long run = run("DONE");
        try {
            Instant appliedAt = race.secondWaitsForFirst(
                    () -> runs.findByIdForUpdate(run).orElseThrow().applied("planner", Instant.now()),
                    () -> runs.findByIdForUpdate(run).orElseThrow().getAppliedAt());
            assertThat(appliedAt).isNotNull();
        } finally {
            rows.clear();
        }
    }

    private long run(String status) {
        long run = runs.saveAndFlush(new MatchingRun(null, 10, "planner", Instant.now())).getId();
        rows.set("matching_run", run, Map.of("status", status));
        return run;
    }
}
