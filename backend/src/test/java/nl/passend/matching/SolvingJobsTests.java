package nl.passend.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import nl.passend.support.Api;
import nl.passend.support.DemoData;
import nl.passend.support.IntegrationTest;

/**
 * Solving jobs live in db-scheduler's table: what an instance that died left SOLVING, with its execution no longer
 * heartbeating, is taken over and solved again from the facts; after the last attempt it is FAILED with a plain
 * reason; and no start of an instance fails the work of another (there is no such sweep any more). Killed JVMs and two
 * instances on one database are {@code JobFaultTests}'s.
 */
@IntegrationTest
@DemoData
class SolvingJobsTests {

    private static final String RUNS = "/api/v1/matching-runs";

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MockMvc mvc;

    @Test
    void takesOverARunWhoseInstanceStoppedHeartbeatingAndSolvesItAgain() throws Exception {
        double takeovers = takeovers();
        long run = solvingOnADeadInstance(1);

        JsonNode done = awaitFinished(run);

        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select attempts from matching_run where id = ?", Integer.class, run))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from matching_outcome where run_id = ?", Integer.class, run))
                .as("its outcomes, stored once").isEqualTo(jdbc.queryForObject(
                        "select count(distinct referral_id) from matching_outcome where run_id = ?", Integer.class,
                        run)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_instance = ?", Integer.class,
                String.valueOf(run))).as("the execution is done with").isZero();
        assertThat(takeovers()).isEqualTo(takeovers + 1);
        String metrics = mvc.perform(get("/actuator/prometheus").accept(MediaType.TEXT_PLAIN).with(user("admin")
                .roles("ADMIN"))).andReturn().getResponse().getContentAsString();
        assertThat(metrics).as("counted in the database: what every instance reports")
                .containsPattern("passend_jobs\\{kind=\"matching-run\",status=\"DONE\"} [1-9]")
                .contains("passend_jobs{kind=\"scenario\",status=\"QUEUED\"}")
                .contains("passend_jobs_takeovers_total{kind=\"matching-run\"}")
                .contains("passend_jobs_solve_time_seconds_count{kind=\"matching-run\"}");
    }

    @Test
    void failsARunWithAPlainReasonAfterItsLastAttempt() throws Exception {
        long run = solvingOnADeadInstance(3);

        JsonNode failed = awaitFinished(run);

        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("failure").asText()).isEqualTo(SolvingJobs.GAVE_UP.formatted(3));
        assertThat(jdbc.queryForObject("select count(*) from matching_outcome where run_id = ?", Integer.class, run))
                .isZero();
    }

    @Test
    void leavesARunThatAnotherInstanceIsSolvingAlone() throws Exception {
        long run = insertSolvingRun(1);
        schedule(run, "another-instance", Instant.now());

        // The other instance heartbeats its execution, as a live one does, for longer than the dead limit (2 s).
        for (int beat = 0; beat < 12; beat++) {
            Thread.sleep(250);
            jdbc.update("update scheduled_tasks set last_heartbeat = ? where task_instance = ?",
                    Timestamp.from(Instant.now()), String.valueOf(run));
        }

        assertThat(jdbc.queryForObject("select status from matching_run where id = ?", String.class, run))
                .as("nobody takes it over, nothing fails it").isEqualTo("SOLVING");
        assertThat(jdbc.queryForObject("select attempts from matching_run where id = ?", Integer.class, run))
                .isEqualTo(1);
        jdbc.update("delete from scheduled_tasks where task_instance = ?", String.valueOf(run));
        jdbc.update("update matching_run set status = 'FAILED', failure = 'test' where id = ?", run);
    }

    /**
     * What a JVM killed while solving leaves: the run SOLVING in its attempt, and its execution picked by that
     * instance, whose last heartbeat is a minute old.
     */
    private long solvingOnADeadInstance(int attempts) {
        long run = insertSolvingRun(attempts);
        schedule(run, "dead-instance", Instant.now().minus(Duration.ofMinutes(1)));
        return run;
    }

    private long insertSolvingRun(int attempts) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    insert into matching_run (status, time_limit_seconds, requested_by, requested_at, started_at,
                      attempts, version) values ('SOLVING', 1, 'planner', ?, ?, ?, 0)""",
                    Statement.RETURN_GENERATED_KEYS);
            statement.setTimestamp(1, Timestamp.from(Instant.now()));
            statement.setTimestamp(2, Timestamp.from(Instant.now()));
            statement.setInt(3, attempts);
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    private void schedule(long run, String pickedBy, Instant lastHeartbeat) {
        jdbc.update("""
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,
                  last_heartbeat, version) values ('matching-run', ?, ?, true, ?, ?, 1)""", String.valueOf(run),
                Timestamp.from(Instant.now()), pickedBy, Timestamp.from(lastHeartbeat));
    }

    private JsonNode awaitFinished(long run) throws InterruptedException {
        Api planner = api.asPlanner();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode found = planner.get(RUNS + "/" + run).body();
            if (found.get("status").asText().matches("DONE|FAILED")) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Run " + run + " was not taken over");
    }

    private double takeovers() {
        return meters.counter("passend.jobs.takeovers", "kind", MatchingRunner.TASK).count();
    }
}
