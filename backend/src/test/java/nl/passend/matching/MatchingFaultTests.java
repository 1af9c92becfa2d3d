package nl.passend.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.passend.support.FaultDatabase;
import nl.passend.support.Instance;

/**
 * The JVM killed with {@code kill -9} in the middle of matching: a run being applied is applied wholly or not at all,
 * and can be applied once after the restart; a run being solved is not left SOLVING.
 */
class MatchingFaultTests {

    private static final String RUNS = "/api/v1/matching-runs";
    private static final String PLANNER = "planner";
    private static final String PASSWORD = "planner-demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void appliesARunWhollyOrNotAtAllWhenTheInstanceIsKilledWhileApplyingIt() throws Exception {
        String database = FaultDatabase.fresh("passend_fault_apply");
        long seed = System.nanoTime();
        long run;
        try (Instance instance = Instance.start(database)) {
            run = body(instance.post(RUNS, PLANNER, PASSWORD, "{\"timeLimitSeconds\": 5}"), 202).get("id").asLong();
            awaitStatus(instance, run, "DONE");
            Thread apply = new Thread(() -> {
                try {
                    instance.post(RUNS + "/" + run + "/apply", PLANNER, PASSWORD, "");
                } catch (Exception killed) {
                    // The instance is gone: what it did is read from the database below.
                }
            });
            apply.start();
            Thread.sleep(new Random(seed).nextInt(60));
            instance.kill();
            apply.join();
        }

        JdbcTemplate jdbc = FaultDatabase.read(database);
        long assignments = jdbc.queryForObject(
                "select count(*) from matching_outcome where run_id = ? and offer_id is not null", Long.class, run);
        assertThat(assignments).as("places the run proposes").isPositive();
        boolean applied = jdbc.queryForObject("select applied_at from matching_run where id = ?", Timestamp.class, run)
                != null;
        assertThat(proposals(jdbc, run)).as("proposals after the kill, applied %s (seed %d)", applied, seed)
                .isEqualTo(applied ? assignments : 0);

        try (Instance restarted = Instance.start(database)) {
            Instance.Response again = restarted.post(RUNS + "/" + run + "/apply", PLANNER, PASSWORD, "");
            assertThat(again.status()).as(again.body()).isEqualTo(applied ? 409 : 200);
            assertThat(proposals(jdbc, run)).as("each proposal once").isEqualTo(assignments);
        }
    }

    @Test
    void failsARunThatWasSolvingWhenTheInstanceWasKilledInsteadOfLeavingItSolving() throws Exception {
        String database = FaultDatabase.fresh("passend_fault_solving");
        long run;
        try (Instance instance = Instance.start(database)) {
            // The demo region alone is proven optimal within a second: twenty copies of its open referrals keep the
            // run solving until it is killed.
            JdbcTemplate jdbc = FaultDatabase.read(database);
            long lastReferral = jdbc.queryForObject("select max(id) from referral", Long.class);
            for (int copy = 0; copy < 20; copy++) {
                jdbc.update("""
                        insert into referral (youth_id, organisation_id, referring_officer, legal_framework,
                          care_type_code, min_security_level, urgency, requested_start, expected_duration_days, status,
                          created_at, version)
                        select youth_id, organisation_id, referring_officer, legal_framework, care_type_code,
                          min_security_level, urgency, requested_start, expected_duration_days, status, created_at, 0
                        from referral where status = 'OPEN' and id <= ?""", lastReferral);
            }
            run = body(instance.post(RUNS, PLANNER, PASSWORD, "{\"timeLimitSeconds\": 120}"), 202).get("id").asLong();
            awaitStatus(instance, run, "SOLVING");
            instance.kill();
        }

        try (Instance restarted = Instance.start(database)) {
            JsonNode after = body(restarted.get(RUNS + "/" + run, PLANNER, PASSWORD), 200);
            assertThat(after.get("status").asText()).isEqualTo("FAILED");
            assertThat(after.get("failure").asText()).isNotBlank();
            assertThat(FaultDatabase.read(database).queryForObject(
                    "select count(*) from matching_run where status in ('QUEUED', 'SOLVING')", Long.class)).isZero();
        }
    }

    /** Proposals the apply of the run made: placements proposed, after the run, for the referrals it placed. */
    private static long proposals(JdbcTemplate jdbc, long run) {
        return jdbc.queryForObject("""
                select count(*) from placement p join matching_outcome o on o.referral_id = p.referral_id
                  and o.offer_id = p.offer_id and o.run_id = ?
                join matching_run r on r.id = o.run_id
                where p.proposed_at >= r.finished_at""", Long.class, run);
    }

    private static void awaitStatus(Instance instance, long run, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (body(instance.get(RUNS + "/" + run, PLANNER, PASSWORD), 200).get("status").asText().equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Run " + run + " did not reach " + status);
    }

    private static JsonNode body(Instance.Response response, int status) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
