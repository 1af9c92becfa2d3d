package nl.passend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import nl.passend.api.model.OrganisationTypeDto;
import nl.passend.api.model.RoleDto;
import nl.passend.api.model.UserDto;
import nl.passend.api.model.UserInputDto;
import nl.passend.support.Api;
import nl.passend.support.IntegrationTest;

/** What a careful user expects of a service that holds criminal-law data of minors. */
@IntegrationTest
class HardeningTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Api api;

    @Test
    void sendsSecurityHeaders() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/offers")).andReturn();
        assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(result.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(result.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void opensOnlyHealthInfoAndTheContractAndKeepsMetricsForAdmins() throws Exception {
        assertThat(status(get("/actuator/health"))).isEqualTo(200);
        assertThat(status(get("/actuator/info"))).isEqualTo(200);
        assertThat(status(get("/v3/api-docs"))).isEqualTo(200);
        assertThat(status(get("/swagger-ui/index.html"))).isEqualTo(200);
        assertThat(status(get("/actuator/prometheus"))).isEqualTo(401);
        assertThat(api.asPlanner().get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.asAdmin().get("/actuator/env").status()).isEqualTo(403);
        assertThat(api.asAdmin().get("/actuator/beans").status()).isEqualTo(403);
    }

    @Test
    void servesMetricsToAnAdmin() throws Exception {
        MvcResult metrics = mvc.perform(get("/actuator/prometheus").accept(MediaType.TEXT_PLAIN)
                .with(SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN"))).andReturn();
        assertThat(metrics.getResponse().getStatus()).isEqualTo(200);
        assertThat(metrics.getResponse().getContentAsString()).contains("jvm_memory_used_bytes");
    }

    @Test
    void refusesAnOversizedBody() {
        String huge = "{\"name\": \"" + "x".repeat(300 * 1024) + "\", \"type\": \"POLICE\"}";
        Api.Response response = api.asAdmin().post("/api/v1/organisations", huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void slowsDownRepeatedFailedSignIns() throws Exception {
        String username = createUser().getUsername();
        assertThat(signIn(username, "correct horse battery", "192.0.2.10").getResponse().getStatus()).isEqualTo(200);

        for (int attempt = 0; attempt < LoginThrottle.FREE_ATTEMPTS; attempt++) {
            assertThat(signIn(username, "wrong guess " + attempt, "192.0.2.10").getResponse().getStatus())
                    .isEqualTo(401);
        }
        MvcResult refused = signIn(username, "correct horse battery", "192.0.2.10");
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
        assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void letsTheRealUserInWhileAStrangerGuessesTheirPassword() throws Exception {
        String username = createUser().getUsername();
        for (int attempt = 0; attempt <= LoginThrottle.FREE_ATTEMPTS; attempt++) {
            signIn(username, "wrong guess " + attempt, "192.0.2.66");
        }
        assertThat(signIn(username, "correct horse battery", "192.0.2.66").getResponse().getStatus()).isEqualTo(429);
        assertThat(signIn(username, "correct horse battery", "198.51.100.7").getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void slowsAnAddressThatSpraysUsernamesButNotTheRealUsersOwn() throws Exception {
        String username = createUser().getUsername();
        for (int guess = 0; guess < LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS; guess++) {
            assertThat(signIn("sprayed." + guess + "." + System.nanoTime(), "password1", "192.0.2.99")
                    .getResponse().getStatus()).isEqualTo(401);
        }
        MvcResult refused = signIn(username, "correct horse battery", "192.0.2.99");
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
        assertThat(signIn(username, "correct horse battery", "198.51.100.8").getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void forgetsAVerifiedPasswordAtOnceWhenItChangesOrTheAccountEnds() throws Exception {
        UserDto user = createUser();
        // Verified once, then remembered: the sign-ins that follow run no BCrypt (PasswordSignInTests).
        assertThat(signIn(user.getUsername(), "correct horse battery", "192.0.2.20").getResponse().getStatus())
                .isEqualTo(200);
        assertThat(signIn(user.getUsername(), "correct horse battery", "192.0.2.20").getResponse().getStatus())
                .isEqualTo(200);

        UserInputDto change = new UserInputDto(user.getUsername(), user.getDisplayName(), user.getRole(),
                user.getOrganisationId()).password("another horse battery").version(user.getVersion());
        assertThat(api.asAdmin().put("/api/v1/users/" + user.getId(), change).status()).isEqualTo(200);
        assertThat(signIn(user.getUsername(), "correct horse battery", "192.0.2.20").getResponse().getStatus())
                .isEqualTo(401);
        assertThat(signIn(user.getUsername(), "another horse battery", "192.0.2.20").getResponse().getStatus())
                .isEqualTo(200);

        UserInputDto deactivate = change.password(null).active(false).version(user.getVersion() + 1);
        assertThat(api.asAdmin().put("/api/v1/users/" + user.getId(), deactivate).status()).isEqualTo(200);
        assertThat(signIn(user.getUsername(), "another horse battery", "192.0.2.20").getResponse().getStatus())
                .isEqualTo(401);
    }

    private UserDto createUser() {
        long organisation = api.createOrganisation(OrganisationTypeDto.REGIONAL_PURCHASING).getId();
        String username = "throttled." + System.nanoTime();
        Api.Response created = api.asAdmin().post("/api/v1/users",
                new UserInputDto(username, "Planner", RoleDto.PLANNER, organisation).password("correct horse battery"));
        assertThat(created.status()).isEqualTo(201);
        return api.read(created, UserDto.class);
    }

    @Test
    void answersWithoutCredentialsWithAProblemAndAChallenge() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
    }

    /** Signs in from the client address, as Tomcat would report it in {@code getRemoteAddr()}. */
    private MvcResult signIn(String username, String password, String address) throws Exception {
        return mvc.perform(get("/api/v1/users/me").with(request -> {
            request.setRemoteAddr(address);
            return request;
        }).with(SecurityMockMvcRequestPostProcessors.httpBasic(username, password))).andReturn();
    }

    private int status(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
