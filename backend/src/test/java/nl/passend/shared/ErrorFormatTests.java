package nl.passend.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.passend.security.Actor;
import nl.passend.security.ActorUserDetails;
import nl.passend.support.Actors;
import nl.passend.support.IntegrationTest;

/**
 * Every error is a problem document, whoever raises it: Spring MVC, the security firewall, the access rules, the
 * error page. Unknown paths are 404 and other methods 405 with {@code Allow} for a signed-in caller.
 */
@IntegrationTest
class ErrorFormatTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Test
    void answersTheErrorPageAskedForDirectlyAsNotFound() throws Exception {
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {get("/error"),
                post("/error")}) {
            assertProblem(call(request, actors.planner()), 404, "not-found");
            assertProblem(call(request, null), 404, "not-found");
        }
    }

    @Test
    void answersWhatTheFirewallRefusesWithAProblem() throws Exception {
        for (String refused : new String[] {"/api/v1/offers;jsessionid=1", "/api/v1/offers%0A",
                "/api/v1/%2e%2e/offers", "/api/v1/offers/%2F1", "/api/v1/offers/%251"}) {
            assertProblem(call(get(URI.create(refused)), actors.planner()), 400, "invalid-request");
        }
    }

    @Test
    void answersAPathThatNothingServesNotFoundOnceSignedIn() throws Exception {
        for (String unknown : new String[] {"/api/v1/nothing-here", "/api/v1/offers/1/nothing", "/api/v1/offers/",
                "/api/v1", "/api/v2/offers"}) {
            assertProblem(call(get(unknown), actors.planner()), 404, "not-found");
            assertProblem(call(get(unknown), null), 401, "unauthorized");
        }
        // Outside the API the web application answers: a browser that has not signed in is sent to sign in.
        for (String unknown : new String[] {"/index.html", "/webjars/swagger-ui/index.html", "/webjars/"}) {
            assertThat(call(get(unknown), actors.planner()).getResponse().getStatus()).as(unknown).isEqualTo(404);
            MvcResult anonymous = call(get(unknown), null);
            assertThat(anonymous.getResponse().getStatus()).as(unknown).isEqualTo(302);
            assertThat(anonymous.getResponse().getRedirectedUrl()).as(unknown).endsWith("/inloggen");
        }
    }

    @Test
    void answersAnotherMethodWithTheMethodsAllowed() throws Exception {
        MvcResult patched = call(patch("/api/v1/offers/1").contentType(MediaType.APPLICATION_JSON).content("{}"),
                actors.planner());
        assertProblem(patched, 405, "method-not-allowed");
        assertThat(patched.getResponse().getHeader(HttpHeaders.ALLOW)).contains("GET", "PUT", "DELETE")
                .doesNotContain("PATCH");

        MvcResult deleted = call(delete("/api/v1/care-types"), actors.admin());
        assertProblem(deleted, 405, "method-not-allowed");
        assertThat(deleted.getResponse().getHeader(HttpHeaders.ALLOW)).contains("GET");
    }

    @Test
    void keepsEveryRealOperationBehindItsRule() throws Exception {
        assertProblem(call(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON).content("{}"),
                actors.planner()), 403, "forbidden");
        assertProblem(call(get("/api/v1/audit-events"), actors.planner()), 403, "forbidden");
        assertProblem(call(get("/actuator/env"), actors.admin()), 403, "forbidden");
        assertProblem(call(get("/actuator"), actors.admin()), 403, "forbidden");
    }

    @Test
    void answersUnacceptableAndUnsupportedMediaTypesWithAProblem() throws Exception {
        assertProblem(call(get("/api/v1/care-types").accept("text/csv"), actors.planner()), 406, "not-acceptable");
        assertProblem(call(post("/api/v1/organisations").contentType(MediaType.TEXT_PLAIN).content("name=x"),
                actors.admin()), 415, "unsupported-media-type");
    }

    @Test
    void servesTheGapReportAsUtf8CsvWithAFileName() throws Exception {
        MvcResult csv = call(get("/api/v1/reports/gaps?from=2031-01-01&until=2031-03-31").accept("text/csv"),
                actors.planner());
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(MediaType.parseMediaType(csv.getResponse().getContentType()))
                .isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
        assertThat(csv.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"gap-report-2031-01-01-2031-03-31.csv\"");
    }

    @Test
    void publishesTheApiDocumentsWithoutSigningIn() throws Exception {
        for (String document : new String[] {"/v3/api-docs", "/v3/api-docs.yaml", "/api/v1/openapi.json"}) {
            assertThat(call(get(document), null).getResponse().getStatus()).as(document).isEqualTo(200);
        }
    }

    private MvcResult call(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(actor == null ? request : request.with(user(new ActorUserDetails(actor, "", true))))
                .andReturn();
    }

    private static void assertProblem(MvcResult result, int status, String type) throws Exception {
        String request = result.getRequest().getMethod() + " " + result.getRequest().getRequestURI();
        assertThat(result.getResponse().getStatus()).as(request).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).as(request).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
        assertThat(problem.get("type").asText()).as(request).isEqualTo("https://passend.nl/problems/" + type);
        assertThat(problem.get("status").asInt()).as(request).isEqualTo(status);
        assertThat(result.getResponse().getHeader("API-Version")).as(request).matches("[0-9]+\\.[0-9]+\\.[0-9]+");
    }
}
