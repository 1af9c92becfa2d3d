package nl.passend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import nl.passend.support.IntegrationTest;

/** Profile {@code jwt}: tokens of the identity provider, signed here with a local test key, carry role and organisation. */
@IntegrationTest
@TestPropertySource(properties = {"spring.profiles.include=jwt", "passend.test.database=passend_jwt",
        "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/test-public.pem"})
class JwtAuthenticationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void acceptsATokenAndActsAsTheRoleAndOrganisationItCarries() throws Exception {
        long zutphen = municipalityOrganisation("GM0301");
        String token = sign(testKey(), Map.of("sub", "purchaser@zutphen.nl", "role", "PURCHASER",
                "organisation_id", zutphen), Instant.now().plusSeconds(300));

        JsonNode me = body(mvc.perform(withToken(get("/api/v1/users/me"), token)).andReturn());
        assertThat(me.get("username").asText()).isEqualTo("purchaser@zutphen.nl");
        assertThat(me.get("role").asText()).isEqualTo("PURCHASER");
        assertThat(me.get("organisationId").asLong()).isEqualTo(zutphen);

        MvcResult forbidden = mvc.perform(withToken(post("/api/v1/organisations"), token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\", \"type\": \"POLICE\"}")).andReturn();
        assertThat(forbidden.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void refusesTokensThatAreExpiredForgedOrWithoutARole() throws Exception {
        long zutphen = municipalityOrganisation("GM0301");
        Instant future = Instant.now().plusSeconds(300);
        Map<String, Object> claims = Map.of("sub", "someone", "role", "PURCHASER", "organisation_id", zutphen);

        String expired = sign(testKey(), claims, Instant.now().minusSeconds(300));
        String forged = sign(otherKey(), claims, future);
        String withoutRole = sign(testKey(), Map.of("sub", "someone", "organisation_id", zutphen), future);
        String unknownRole = sign(testKey(), Map.of("sub", "someone", "role", "MAYOR", "organisation_id", zutphen),
                future);
        for (String token : new String[] {expired, forged, withoutRole, unknownRole, "not-a-token"}) {
            MvcResult result = mvc.perform(withToken(get("/api/v1/users/me"), token)).andReturn();
            assertThat(result.getResponse().getStatus()).isEqualTo(401);
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

    private long municipalityOrganisation(String code) {
        if (jdbc.queryForObject("select count(*) from organisation where municipality_code = ?", Long.class, code) == 0) {
            jdbc.update("insert into organisation (name, type, municipality_code, active, version) "
                    + "values (?, 'MUNICIPALITY', ?, true, 0)", "Gemeente " + code, code);
        }
        return jdbc.queryForObject("select id from organisation where municipality_code = ?", Long.class, code);
    }

    private static MockHttpServletRequestBuilder withToken(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private JsonNode body(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private static String sign(RSAPrivateKey key, Map<String, Object> claims, Instant expiry) throws Exception {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issueTime(new Date())
                .expirationTime(Date.from(expiry));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAPrivateKey testKey() throws Exception {
        String pem = new ClassPathResource("jwt/test-private.pem").getContentAsString(StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static RSAPrivateKey otherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return (RSAPrivateKey) generator.generateKeyPair().getPrivate();
    }
}
