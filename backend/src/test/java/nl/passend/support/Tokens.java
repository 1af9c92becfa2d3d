package nl.passend.support;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import nl.passend.security.Actor;

/**
 * Bearer tokens as the region's identity provider would issue them, signed with the local test key whose public half
 * the {@link WebSlice} trusts ({@code src/test/resources/jwt}).
 */
public final class Tokens {

    private static final RSAPrivateKey TEST_KEY = testKey();

    private Tokens() {
    }

    /** Sends a token that names the actor's role and organisation, valid for five minutes. */
    public static RequestPostProcessor as(Actor actor) {
        return bearer(sign(TEST_KEY, Map.of("sub", actor.username(), "role", actor.role().name(), "organisation_id",
                actor.organisationId()), Instant.now().plusSeconds(300)));
    }

    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    /** A token with these claims, signed with the test key. */
    public static String sign(Map<String, Object> claims, Instant expiry) {
        return sign(TEST_KEY, claims, expiry);
    }

    /** A token with these claims, signed with a key nobody trusts. */
    public static String forge(Map<String, Object> claims, Instant expiry) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign((RSAPrivateKey) generator.generateKeyPair().getPrivate(), claims, expiry);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAPrivateKey key, Map<String, Object> claims, Instant expiry) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issueTime(new Date()).expirationTime(Date.from(expiry));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAPrivateKey testKey() {
        try {
            String pem = new ClassPathResource("jwt/test-private.pem").getContentAsString(StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("The test key in src/test/resources/jwt cannot be read", e);
        }
    }
}
