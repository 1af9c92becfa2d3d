package nl.passend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import nl.passend.security.ActorUserDetails;
import nl.passend.support.Actors;
import nl.passend.support.IntegrationTest;

/**
 * The core rules of the NLGov REST API Design Rules 2.0 that a machine can check, against the contract and against
 * the running application; the README says which rules are applied and why the others are not.
 */
@IntegrationTest
class ApiDesignRulesTests {

    /** {@code major.minor.patch}, optionally with a pre-release (https://semver.org). */
    private static final Pattern SEMANTIC_VERSION = Pattern.compile(
            "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?");
    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Collections named by an uncountable noun, which is its own plural. */
    private static final Set<String> UNCOUNTABLE = Set.of("purchase-advice");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode contract;
    private static String version;

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @BeforeAll
    static void readTheContract() throws Exception {
        try (InputStream yaml = ApiDesignRulesTests.class.getResourceAsStream("/openapi.yaml")) {
            contract = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        }
        version = contract.path("info").path("version").asText();
    }

    /** /core/semver: info.version is major.minor.patch. */
    @Test
    void versionsTheContractSemantically() {
        assertThat(version).matches(SEMANTIC_VERSION);
        assertThat(contract.path("openapi").asText()).as("/core/doc-openapi: OpenAPI 3").startsWith("3.");
    }

    /** /core/uri-version: every path starts with the base path of the major version of info.version. */
    @Test
    void keepsTheMajorVersionInEveryPath() {
        String basePath = "/api/v" + version.substring(0, version.indexOf('.')) + "/";
        assertThat(paths()).allSatisfy(path -> assertThat(path).startsWith(basePath));
    }

    /**
     * /core/no-trailing-slash, /core/naming-collections: no path ends in a slash; every segment is kebab-case, and
     * a segment followed by an identifier names a collection, in the plural (an uncountable noun is its own).
     */
    @Test
    void namesResourcesAsPluralKebabCaseNounsWithoutTrailingSlashes() {
        for (String path : paths()) {
            assertThat(path).doesNotEndWith("/");
            String[] segments = path.substring(1).split("/");
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].startsWith("{")) {
                    assertThat(segments[i - 1]).as("the collection of %s", path)
                            .satisfiesAnyOf(name -> assertThat(name).endsWith("s"),
                                    name -> assertThat(name).isIn(UNCOUNTABLE));
                } else {
                    assertThat(segments[i]).as(path).matches(KEBAB_CASE);
                }
            }
        }
    }

    /** /core/publish-openapi: the contract itself at the base path, in JSON, without signing in, for any origin. */
    @Test
    void publishesTheContractAtTheBasePath() throws Exception {
        MvcResult published = mvc.perform(get("/api/v1/openapi.json").header(HttpHeaders.ORIGIN,
                "https://developer.example.org")).andReturn();
        assertThat(published.getResponse().getStatus()).isEqualTo(200);
        assertThat(published.getResponse().getContentType()).startsWith("application/json");
        assertThat(published.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo("*");
        assertThat(JSON.readTree(published.getResponse().getContentAsString())).isEqualTo(contract);

        JsonNode generated = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString());
        assertThat(generated.path("info").path("version").asText()).isEqualTo(version);
    }

    /** /core/version-header: every answer names the full version, successes and refusals alike. */
    @Test
    void namesTheFullVersionOnEveryResponse() throws Exception {
        List<MockHttpServletRequestBuilder> requests = List.of(get("/api/v1/care-types"), get("/api/v1/offers/0"),
                get("/api/v1/offers?size=0"), get("/api/v1/offers;x=1"), get("/api/v1/nothing-here"),
                get("/api/v1"), get("/api/v1/openapi.json"), get("/actuator/health"));
        for (MockHttpServletRequestBuilder request : requests) {
            for (boolean signedIn : new boolean[] {true, false}) {
                MvcResult result = mvc.perform(signedIn ? request.with(user(new ActorUserDetails(actors.planner(), "",
                        true))) : request).andReturn();
                assertThat(result.getResponse().getHeader("API-Version"))
                        .as("%s (%d)", result.getRequest().getRequestURI(), result.getResponse().getStatus())
                        .isEqualTo(version);
            }
        }
    }

    /**
     * /core/no-trailing-slash (step 4): each path without parameters, asked for with a trailing slash, is a 404, not
     * a redirect nor the resource; /core/http-methods (test case 3): a method the path does not have is 405 with
     * Allow.
     */
    @Test
    void answersTrailingSlashesNotFoundAndOtherMethodsNotAllowed() throws Exception {
        List<String> withoutParameters = new ArrayList<>();
        contract.get("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().contains("{") && path.getValue().has("get")) {
                withoutParameters.add(path.getKey());
            }
        });
        assertThat(withoutParameters).hasSizeGreaterThan(10);
        for (String path : withoutParameters) {
            MvcResult slashed = mvc.perform(get(path + "/").with(user(new ActorUserDetails(actors.admin(), "",
                    true)))).andReturn();
            assertThat(slashed.getResponse().getStatus()).as(path + "/").isEqualTo(404);
            MvcResult patched = mvc.perform(patch(path).with(user(new ActorUserDetails(actors.admin(), "", true))))
                    .andReturn();
            assertThat(patched.getResponse().getStatus()).as("PATCH " + path).isEqualTo(405);
            assertThat(patched.getResponse().getHeader(HttpHeaders.ALLOW)).as("PATCH " + path).contains("GET");
        }
    }

    private static List<String> paths() {
        List<String> paths = new ArrayList<>();
        contract.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).hasSizeGreaterThan(20);
        return paths;
    }
}
