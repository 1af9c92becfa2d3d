package nl.passend.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.support.Api;
import nl.passend.support.DemoData;
import nl.passend.support.IntegrationTest;
import nl.passend.support.TableCounts;

/**
 * Recurring matching: a planner schedules runs of a region (cron in Europe/Amsterdam), each occurrence starts one run
 * as the schedule, applied at once if asked; a schedule is changed with its version and deleted, audited; a cron
 * that is not one, or too frequent, is refused and changes nothing. The tests allow occurrences two seconds apart
 * ({@code passend.matching.schedule-min-interval}); the application, an hour.
 */
@IntegrationTest
@DemoData
class MatchingScheduleTests {

    private static final String SCHEDULES = "/api/v1/matching-schedules";

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @AfterEach
    void stopSchedules() {
        Api planner = api.asPlanner();
        for (JsonNode schedule : planner.get(SCHEDULES + "?size=100").body().get("content")) {
            planner.delete(SCHEDULES + "/" + schedule.get("id").asLong());
        }
    }

    @Test
    void startsARunAtEachOccurrenceAsTheScheduleAndAppliesItWhenAsked() throws Exception {
        Api planner = api.asPlanner();
        Api.Response created = planner.post(SCHEDULES, Map.of("youthRegion", "MIDDEN_IJSSEL_OOST_VELUWE",
                "cron", "*/2 * * * * *", "timeLimitSeconds", 1, "applyWhenDone", true));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("timeZone").asText()).isEqualTo("Europe/Amsterdam");
        assertThat(OffsetDateTime.parse(created.body().get("nextRunAt").asText()).toInstant())
                .isBetween(Instant.now().minusSeconds(1), Instant.now().plusSeconds(3));

        long run = awaitLastRun(planner, id);
        JsonNode applied = awaitApplied(planner, run);

        assertThat(applied.get("requestedBy").asText()).isEqualTo("passend-schedule-" + id);
        assertThat(applied.get("youthRegion").asText()).isEqualTo("MIDDEN_IJSSEL_OOST_VELUWE");
        assertThat(applied.get("appliedBy").asText()).isEqualTo("passend-schedule-" + id);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where username = ? and resource_type = 'matching_run'
                  and resource_id = ?""", Long.class, "passend-schedule-" + id, String.valueOf(run)))
                .as("started and applied, audited as the schedule").isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where resource_type = 'matching_schedule' "
                + "and resource_id = ? and action = 'CREATE'", Long.class, String.valueOf(id))).isEqualTo(1);

        assertThat(planner.delete(SCHEDULES + "/" + id).status()).isEqualTo(204);
        Thread.sleep(500);
        long runs = runsOf(id);
        Thread.sleep(3_000);
        assertThat(runsOf(id)).as("no occurrence after the delete").isEqualTo(runs);
        assertThat(planner.get(SCHEDULES + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void changesAScheduleWithItsVersionOnly() {
        Api planner = api.asPlanner();
        long id = planner.post(SCHEDULES, Map.of("cron", "0 0 7 * * MON")).body().get("id").asLong();
        JsonNode schedule = planner.get(SCHEDULES + "/" + id).body();
        assertThat(schedule.has("youthRegion")).as("all regions").isFalse();
        assertThat(schedule.get("timeLimitSeconds").asInt()).isEqualTo(10);
        assertThat(schedule.get("applyWhenDone").asBoolean()).isFalse();
        assertThat(OffsetDateTime.parse(schedule.get("nextRunAt").asText()).atZoneSameInstant(
                ZoneId.of("Europe/Amsterdam")).getHour()).isEqualTo(7);

        Api.Response changed = planner.put(SCHEDULES + "/" + id, Map.of("youthRegion", "TWENTE",
                "cron", "0 30 6 * * TUE", "version", 0));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.body().get("youthRegion").asText()).isEqualTo("TWENTE");
        assertThat(OffsetDateTime.parse(changed.body().get("nextRunAt").asText()).atZoneSameInstant(
                ZoneId.of("Europe/Amsterdam")).getDayOfWeek().getValue()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'matching-schedule' "
                + "and task_instance = ?", Long.class, String.valueOf(id))).as("rescheduled, not added").isEqualTo(1);

        assertThat(planner.put(SCHEDULES + "/" + id, Map.of("cron", "0 0 8 * * MON", "version", 0)).status())
                .as("a stale version").isEqualTo(409);
        assertThat(planner.put(SCHEDULES + "/" + id, Map.of("cron", "0 0 8 * * MON")).violatedFields())
                .containsExactly("version");
    }

    @Test
    void refusesACronThatIsNoneOrTooFrequentAndChangesNothing() {
        Api planner = api.asPlanner();
        Map<String, Long> before = tables.now();

        assertThat(planner.post(SCHEDULES, Map.of("cron", "every monday")).violatedFields()).containsExactly("cron");
        assertThat(planner.post(SCHEDULES, Map.of("cron", "* * * * * *")).violatedFields())
                .as("every second: more often than the minimum interval allows").containsExactly("cron");
        assertThat(planner.post(SCHEDULES, Map.of("cron", "0 0 7 * * MON", "youthRegion", "ATLANTIS"))
                .violatedFields()).containsExactly("youthRegion");
        assertThat(tables.now()).isEqualTo(before);
        assertThat(api.asOfficer().post(SCHEDULES, Map.of("cron", "0 0 7 * * MON")).status()).isEqualTo(403);
    }

    private long runsOf(long schedule) {
        return jdbc.queryForObject("select count(*) from matching_run where schedule_id = ?", Long.class, schedule);
    }

    private static long awaitLastRun(Api planner, long schedule) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode found = planner.get(SCHEDULES + "/" + schedule).body();
            if (found.has("lastRunId")) {
                return found.get("lastRunId").asLong();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Schedule " + schedule + " started no run");
    }

    private static JsonNode awaitApplied(Api planner, long run) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode found = planner.get("/api/v1/matching-runs/" + run).body();
            if (found.has("appliedAt")) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Run " + run + " was not applied");
    }
}
