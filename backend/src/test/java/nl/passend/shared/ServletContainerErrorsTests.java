package nl.passend.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.passend.support.IntegrationTest;

/**
 * What Tomcat itself refuses, before any filter or servlet runs, is a problem document with the API version too.
 * Only a real server shows this (MockMvc has no Tomcat): the one the end-to-end context runs.
 */
@IntegrationTest
class ServletContainerErrorsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Test
    void answersWhatTomcatRefusesWithAProblem() throws Exception {
        for (String refused : new String[] {"/api/v1/offers/1%2F2", "/api/v1/offers/%2F", "/api/v1/offers/1%00",
                "/api/v1/%00"}) {
            assertProblem(send(refused), 400, "invalid-request");
        }
    }

    @Test
    void answersWhatTheApplicationRefusesWithAProblemOverHttpToo() throws Exception {
        assertProblem(send("/api/v1/offers;jsessionid=1"), 400, "invalid-request");
        assertProblem(send("/api/v1/offers%0A"), 400, "invalid-request");
        assertProblem(send("/error"), 404, "not-found");
        assertProblem(send("/api/v1/offers"), 401, "unauthorized");
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        String request = response.request().uri().getRawPath();
        assertThat(response.statusCode()).as(request).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(request).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("API-Version")).as(request).isPresent();
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).as(request).isEqualTo("https://passend.nl/problems/" + type);
        assertThat(problem.get("status").asInt()).as(request).isEqualTo(status);
    }
}
