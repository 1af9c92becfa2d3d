package nl.passend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import nl.passend.support.Tokens;
import nl.passend.support.WebSlice;

/** Profile {@code jwt}: tokens of the identity provider, signed here with a local test key, carry role and organisation. */
@WebSlice
class JwtAuthenticationTests {

    private static final long ZUTPHEN = 17;

    @Autowired
    MockMvc mvc;

    @Test
    void acceptsATokenAndActsAsTheRoleAndOrganisationItCarries() throws Exception {
        String token = Tokens.sign(Map.of("sub", "purchaser@zutphen.nl", "role", "PURCHASER",
                "organisation_id", ZUTPHEN), Instant.now().plusSeconds(300));

        MvcResult me = mvc.perform(get("/api/v1/users/me").with(Tokens.bearer(token))).andReturn();

        assertThat(me.getResponse().getStatus()).isEqualTo(200);
        SecurityContext servedAs = (SecurityContext) me.getRequest()
                .getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
        assertThat(servedAs.getAuthentication().getPrincipal()).isEqualTo(new Actor("purchaser@zutphen.nl", Role.PURCHASER, ZUTPHEN));
        MvcResult forbidden = mvc.perform(post("/api/v1/organisations").with(Tokens.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\", \"type\": \"POLICE\"}")).andReturn();
        assertThat(forbidden.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void refusesTokensThatAreExpiredForgedOrWithoutARole() throws Exception {
        Instant future = Instant.now().plusSeconds(300);
        Map<String, Object> claims = Map.of("sub", "someone", "role", "PURCHASER", "organisation_id", ZUTPHEN);

        String expired = Tokens.sign(claims, Instant.now().minusSeconds(300));
        String forged = Tokens.forge(claims, future);
        String withoutRole = Tokens.sign(Map.of("sub", "someone", "organisation_id", ZUTPHEN), future);
        String unknownRole = Tokens.sign(Map.of("sub", "someone", "role", "MAYOR", "organisation_id", ZUTPHEN), future);
        String withoutOrganisation = Tokens.sign(Map.of("sub", "someone", "role", "PURCHASER"), future);
        for (String token : new String[] {expired, forged, withoutRole, unknownRole, withoutOrganisation,
                "not-a-token"}) {
            MvcResult result = mvc.perform(get("/api/v1/users/me").with(Tokens.bearer(token))).andReturn();
            assertThat(result.getResponse().getStatus()).as(token).isEqualTo(401);
            assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }

    @Test
    void refusesPasswordsWhereTokensAreTheWayIn() throws Exception {
        MvcResult anonymous = mvc.perform(get("/api/v1/offers")).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);
        assertThat(anonymous.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");

        MvcResult basic = mvc.perform(get("/api/v1/offers")
                .with(SecurityMockMvcRequestPostProcessors.httpBasic("admin", "admin-demo"))).andReturn();
        assertThat(basic.getResponse().getStatus()).isEqualTo(401);
    }
}
