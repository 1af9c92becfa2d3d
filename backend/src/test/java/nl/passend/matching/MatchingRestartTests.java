package nl.passend.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.passend.PassendApplication;

/**
 * A run never stays SOLVING after the application stops: stopped while it solves, it is FAILED at once; left
 * SOLVING by a crash, the next start marks it FAILED, and a scenario too. Each test starts the real application twice
 * on one database.
 */
class MatchingRestartTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRunSolvingWhenTheApplicationStopsIsFailedNotLeftSolving() throws Exception {
        String database = "passend_stop";
        long id;
        try (ConfigurableApplicationContext first = start(database)) {
            JsonNode started = call(first, "POST", "/api/v1/matching-runs", "{\"timeLimitSeconds\": 120}");
            id = started.get("id").asLong();
            awaitStatus(first, id, "SOLVING");
        }
        try (ConfigurableApplicationContext second = start(database)) {
            JsonNode run = call(second, "GET", "/api/v1/matching-runs/" + id, null);
            assertThat(run.get("status").asText()).isEqualTo("FAILED");
            assertThat(run.get("failure").asText()).isEqualTo(MatchingRunner.INTERRUPTED);
            assertThat(run.has("result")).isFalse();
            assertThat(second.getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from matching_outcome where run_id = ?", Integer.class, id))
                    .as("nothing of a half-finished run is stored").isZero();
        }
    }

    @Test
    void aRunLeftSolvingByACrashIsFailedOnTheNextStart() throws Exception {
        String database = "passend_crash";
        try (ConfigurableApplicationContext first = start(database)) {
            // What a process killed in the middle of a run and of a scenario leaves behind.
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("""
                    insert into matching_run (status, time_limit_seconds, requested_by, requested_at, started_at,
                      version) values ('SOLVING', 60, 'planner', ?, ?, 0)""",
                    Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
            jdbc.update("""
                    insert into scenario (status, time_limit_seconds, changes, requested_by, requested_at, started_at,
                      version) values ('SOLVING', 60, '[{"kind": "EXTRA_PLACES", "offerId": 1, "places": 1}]', 'planner',
                      ?, ?, 0)""", Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        }
        try (ConfigurableApplicationContext second = start(database)) {
            JsonNode runs = call(second, "GET", "/api/v1/matching-runs", null);
            assertThat(runs.get("content")).singleElement().satisfies(run -> {
                assertThat(run.get("status").asText()).isEqualTo("FAILED");
                assertThat(run.get("failure").asText()).isEqualTo(MatchingRunner.INTERRUPTED);
            });
            JsonNode scenarios = call(second, "GET", "/api/v1/scenarios", null);
            assertThat(scenarios.get("content")).singleElement()
                    .satisfies(scenario -> assertThat(scenario.get("status").asText()).isEqualTo("FAILED"));
            JsonNode next = call(second, "POST", "/api/v1/matching-runs", "{\"timeLimitSeconds\": 1}");
            assertThat(next.get("status").asText()).as("the failed run no longer blocks its scope")
                    .isIn("QUEUED", "SOLVING");
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        // Arguments, so that they win over application-test.yaml.
        return new SpringApplicationBuilder(PassendApplication.class).profiles("test")
                .run("--passend.test.database=" + database, "--spring.liquibase.contexts=demo", "--server.port=0");
    }

    private void awaitStatus(ConfigurableApplicationContext app, long id, String status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (call(app, "GET", "/api/v1/matching-runs/" + id, null).get("status").asText().equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Run " + id + " never reached " + status);
    }

    /** Calls the running application over HTTP as the demo planner. */
    private JsonNode call(ConfigurableApplicationContext app, String method, String path, String body)
            throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("planner:planner-demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }
}
