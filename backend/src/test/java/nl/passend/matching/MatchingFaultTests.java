package nl.passend.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.passend.support.FaultDatabase;
import nl.passend.support.Instance;

/**
 * Matching on several instances, and the JVM killed with {@code kill -9} in the middle of it: a run being applied is
 * applied wholly or not at all, and once; a run being solved is taken over by another instance and solved again from
 * the facts, and nothing a start does fails the work of another; two instances share the queued jobs, each solved
 * once.
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
    void takesOverARunFromAnInstanceKilledWhileSolvingItAndLeavesTheSurvivorsWorkAloneOnRestart() throws Exception {
        String database = FaultDatabase.fresh("passend_fault_takeover");
        try (Instance first = Instance.start(database); Instance second = Instance.start(database)) {
            JdbcTemplate jdbc = FaultDatabase.read(database);
            keepSolving(jdbc);
            long run = body(first.post(RUNS, PLANNER, PASSWORD, "{\"timeLimitSeconds\": 20}"), 202).get("id").asLong();
            awaitStatus(first, run, "SOLVING");
            String solver = jdbc.queryForObject("select picked_by from scheduled_tasks where task_instance = ?",
                    String.class, String.valueOf(run));
            Instance dying = solver.equals(first.name()) ? first : second;
            Instance survivor = dying == first ? second : first;

            dying.kill();
            long killedAt = System.nanoTime();
            awaitAttempt(jdbc, run, 2);
            Duration pickedUp = Duration.ofNanos(System.nanoTime() - killedAt);
            System.out.printf("Takeover: the survivor started the run again %d ms after the kill%n",
                    pickedUp.toMillis());
            assertThat(jdbc.queryForObject("select picked_by from scheduled_tasks where task_instance = ?",
                    String.class, String.valueOf(run))).isEqualTo(survivor.name());
            assertThat(pickedUp).as("heartbeat 5 s, dead after 4 missed, polled every 2 s")
                    .isLessThan(Duration.ofSeconds(40));

            // The killed instance comes back while the survivor solves: its start fails nobody's work.
            try (Instance restarted = Instance.start(database)) {
                JsonNode done = awaitStatus(restarted, run, "DONE");
                assertThat(done.get("result").get("referrals").asInt()).as("the copies too").isGreaterThan(20);
            }
            assertThat(jdbc.queryForObject("select attempts from matching_run where id = ?", Integer.class, run))
                    .as("solved twice: by the killed instance and by the survivor, never by the restart").isEqualTo(2);
            assertThat(jdbc.queryForObject("""
                    select count(*) - count(distinct referral_id) from matching_outcome where run_id = ?""",
                    Long.class, run)).as("each outcome stored once").isZero();
        }
    }

    @Test
    void twoInstancesSolveTwentyQueuedJobsEachExactlyOnceAndApplyARunOnce() throws Exception {
        String database = FaultDatabase.fresh("passend_fault_share");
        // Occurrences of a schedule 5 s apart, for its part at the end (the application allows one an hour).
        String often = "--passend.matching.schedule-min-interval=5s";
        try (Instance first = Instance.start(database, often); Instance second = Instance.start(database, often)) {
            JdbcTemplate jdbc = FaultDatabase.read(database);
            List<String> regions = jdbc.queryForList("select code from youth_region order by code", String.class);
            long offer = jdbc.queryForObject("select min(id) from offer", Long.class);
            List<Long> runs = new ArrayList<>();
            List<Long> scenarios = new ArrayList<>();
            for (int job = 0; job < 20; job++) {
                Instance to = job % 2 == 0 ? first : second;
                if (job < regions.size()) {
                    runs.add(body(to.post(RUNS, PLANNER, PASSWORD, "{\"youthRegion\": \"" + regions.get(job)
                            + "\", \"timeLimitSeconds\": 2}"), 202).get("id").asLong());
                } else {
                    scenarios.add(body(to.post("/api/v1/scenarios", PLANNER, PASSWORD, """
                            {"timeLimitSeconds": 1, "changes": [{"kind": "EXTRA_PLACES", "offerId": %d, "places": %d}]}
                            """.formatted(offer, job)), 202).get("id").asLong());
                }
            }

            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (jdbc.queryForObject("""
                    select (select count(*) from matching_run where status in ('QUEUED', 'SOLVING'))
                      + (select count(*) from scenario where status in ('QUEUED', 'SOLVING'))""", Long.class) > 0) {
                assertThat(System.nanoTime()).as("all twenty done within three minutes").isLessThan(deadline);
                Thread.sleep(250);
            }

            assertThat(jdbc.queryForList("select distinct status from matching_run", String.class))
                    .containsExactly("DONE");
            assertThat(jdbc.queryForList("select distinct status from scenario", String.class))
                    .containsExactly("DONE");
            assertThat(jdbc.queryForList("""
                    select attempts from matching_run union all select attempts from scenario""", Integer.class))
                    .as("each solved exactly once").hasSize(20).containsOnly(1);
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name in "
                    + "('matching-run', 'scenario')", Long.class)).isZero();
            assertThat(runs).hasSizeGreaterThan(1);
            assertThat(scenarios).hasSizeGreaterThan(10);

            // Both instances apply the same run at once: one applies it, the other is told it was.
            long run = jdbc.queryForObject("""
                    select run_id from matching_outcome where offer_id is not null group by run_id
                    order by count(*) desc, run_id limit 1""", Long.class);
            List<Integer> answers = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> appliers = new ArrayList<>();
            for (Instance instance : List.of(first, second)) {
                Thread applier = new Thread(() -> {
                    try {
                        go.await();
                        answers.add(instance.post(RUNS + "/" + run + "/apply", PLANNER, PASSWORD, "").status());
                    } catch (Exception e) {
                        answers.add(-1);
                    }
                });
                applier.start();
                appliers.add(applier);
            }
            go.countDown();
            for (Thread applier : appliers) {
                applier.join();
            }
            assertThat(answers).containsExactlyInAnyOrder(200, 409);
            assertThat(runs).contains(run);
            assertThat(proposals(jdbc, run)).as("no proposal twice").isEqualTo(jdbc.queryForObject(
                    "select count(*) from matching_outcome where run_id = ? and offer_id is not null", Long.class,
                    run));

            // A schedule every 5 s, on both instances: one run per occurrence, never two.
            long schedule = body(first.post("/api/v1/matching-schedules", PLANNER, PASSWORD, """
                    {"youthRegion": "%s", "cron": "*/5 * * * * *", "timeLimitSeconds": 1}""".formatted(
                    regions.get(0))), 201).get("id").asLong();
            Thread.sleep(23_000);
            assertThat(second.delete("/api/v1/matching-schedules/" + schedule, PLANNER, PASSWORD).status())
                    .isEqualTo(204);
            List<Timestamp> started = jdbc.queryForList(
                    "select requested_at from matching_run where schedule_id = ? order by requested_at",
                    Timestamp.class, schedule);
            assertThat(started).as("about one run per occurrence over 23 s").hasSizeBetween(3, 5);
            for (int next = 1; next < started.size(); next++) {
                assertThat(started.get(next).getTime() - started.get(next - 1).getTime())
                        .as("runs of two occurrences, not two runs of one").isGreaterThan(3_000);
            }
        }
    }

    /**
     * The demo region alone is proven optimal within a second: twenty copies of its open referrals keep a run
     * solving for its whole time limit.
     */
    private static void keepSolving(JdbcTemplate jdbc) {
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
    }

    private static void awaitAttempt(JdbcTemplate jdbc, long run, int attempt) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> found = jdbc.queryForMap("select status, attempts from matching_run where id = ?", run);
            if (((Number) found.get("attempts")).intValue() >= attempt && "SOLVING".equals(found.get("status"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Run " + run + " was not started again");
    }

    /** Proposals the apply of the run made: placements proposed, after the run, for the referrals it placed. */
    private static long proposals(JdbcTemplate jdbc, long run) {
        return jdbc.queryForObject("""
                select count(*) from placement p join matching_outcome o on o.referral_id = p.referral_id
                  and o.offer_id = p.offer_id and o.run_id = ?
                join matching_run r on r.id = o.run_id
                where p.proposed_at >= r.finished_at""", Long.class, run);
    }

    private static JsonNode awaitStatus(Instance instance, long run, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode found = body(instance.get(RUNS + "/" + run, PLANNER, PASSWORD), 200);
            if (found.get("status").asText().equals(status)) {
                return found;
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
