package nl.passend.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.support.Api;
import nl.passend.support.DemoData;
import nl.passend.support.IntegrationTest;

/**
 * A run never stays SOLVING after the application stops: stopped while it solves, it is FAILED at once; left
 * SOLVING by a crash, the next start marks it FAILED, and a scenario too. The shared context is stopped and started
 * again on its database, which stops and starts the solving runners in the order a restart does, rather than two
 * more applications being started per test.
 */
@IntegrationTest
@DemoData
class MatchingRestartTests {

    private static final String RUNS = "/api/v1/matching-runs";

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConfigurableApplicationContext application;

    @Test
    void aRunSolvingWhenTheApplicationStopsIsFailedNotLeftSolving() throws Exception {
        // The demo region alone is proven optimal within a second, and a proven run stops: twenty copies of its open
        // referrals keep the run solving long enough to be stopped in the middle.
        long lastReferral = jdbc.queryForObject("select max(id) from referral", Long.class);
        for (int copy = 0; copy < 20; copy++) {
            jdbc.update("""
                    insert into referral (youth_id, organisation_id, referring_officer, legal_framework, care_type_code,
                      min_security_level, urgency, requested_start, expected_duration_days, status, created_at, version)
                    select youth_id, organisation_id, referring_officer, legal_framework, care_type_code,
                      min_security_level, urgency, requested_start, expected_duration_days, status, created_at, 0
                    from referral where status = 'OPEN' and id <= ?""", lastReferral);
        }
        Api planner = api.asPlanner();
        long id = ok(planner.post(RUNS, Map.of("timeLimitSeconds", 120))).get("id").asLong();
        awaitStatus(planner, id, "SOLVING");

        restart();
        jdbc.update("delete from referral where id > ?", lastReferral);

        JsonNode run = ok(planner.get(RUNS + "/" + id));
        assertThat(run.get("status").asText()).isEqualTo("FAILED");
        assertThat(run.get("failure").asText()).isEqualTo(MatchingRunner.INTERRUPTED);
        assertThat(run.has("result")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from matching_outcome where run_id = ?", Integer.class, id))
                .as("nothing of a half-finished run is stored").isZero();
    }

    @Test
    void aRunLeftSolvingByACrashIsFailedOnTheNextStart() throws Exception {
        // What a process killed in the middle of a run and of a scenario leaves behind.
        long run = insert("""
                insert into matching_run (status, time_limit_seconds, requested_by, requested_at, started_at,
                  version) values ('SOLVING', 60, 'planner', ?, ?, 0)""");
        long scenario = insert("""
                insert into scenario (status, time_limit_seconds, changes, requested_by, requested_at, started_at,
                  version) values ('SOLVING', 60, '[{"kind": "EXTRA_PLACES", "offerId": 1, "places": 1}]', 'planner',
                  ?, ?, 0)""");

        restart();

        Api planner = api.asPlanner();
        JsonNode failed = ok(planner.get(RUNS + "/" + run));
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("failure").asText()).isEqualTo(MatchingRunner.INTERRUPTED);
        assertThat(ok(planner.get("/api/v1/scenarios/" + scenario)).get("status").asText()).isEqualTo("FAILED");
        JsonNode next = ok(planner.post(RUNS, Map.of("timeLimitSeconds", 1)));
        assertThat(next.get("status").asText()).as("the failed run no longer blocks its scope")
                .isIn("QUEUED", "SOLVING");
        // Left to finish, so that no run still solves when the next test class rebuilds the database.
        awaitStatus(planner, next.get("id").asLong(), "DONE");
    }

    /** What a restart does to the solving runners: stopped (interrupting what solves), then started again. */
    private void restart() {
        application.stop();
        application.start();
    }

    private long insert(String sql) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            statement.setTimestamp(1, Timestamp.from(Instant.now()));
            statement.setTimestamp(2, Timestamp.from(Instant.now()));
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    private static void awaitStatus(Api planner, long id, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (ok(planner.get(RUNS + "/" + id)).get("status").asText().equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Run " + id + " never reached " + status);
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isLessThan(300);
        return response.body();
    }
}
