package nl.passend.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    JdbcClient jdbc;

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

    /** At start the application fails the runs that a stop interrupted; the others keep what they found. */
    @Test
    void failsTheRunsThatWereQueuedOrSolvingAndNoOther() {
        long queued = run("QUEUED");
        long solving = run("SOLVING");
        long done = run("DONE");
        long failed = run("FAILED");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        assertThat(runs.failInterrupted("stopped", now)).isEqualTo(2);

        assertThat(jdbc.sql("select id, status, failure, finished_at, version from matching_run order by id")
                .query((rs, i) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + (rs.getObject(4) != null) + " " + rs.getLong(5)).list())
                .containsExactly(queued + " FAILED stopped true 1", solving + " FAILED stopped true 1",
                        done + " DONE null false 0", failed + " FAILED null false 0");
    }

    private long run(String status) {
        long run = runs.saveAndFlush(new MatchingRun(null, 10, "planner", Instant.now())).getId();
        rows.set("matching_run", run, Map.of("status", status));
        return run;
    }
}
