package nl.passend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.security.AccessMatrix.Rule;
import nl.passend.support.FreshDatabase;
import nl.passend.support.IntegrationTest;

/**
 * The access matrix end to end, for every call that gets past the security configuration (the rest is
 * {@link AccessRulesTests}'s): each demo user signed in with HTTP Basic, against the demo data, gets the status the
 * services decide by organisation ({@link AccessMatrix}: 404 for another organisation's resource), an audit event by
 * the caller for every change that succeeded and none for a call that was refused. Each call runs in a transaction
 * that is rolled back, so the calls do not disturb each other. Each user signs in over HTTP Basic once, and every
 * call of that user carries the security context that sign-in made: the same principal, role and organisation,
 * through the same filter chain, without checking the same bcrypt hash for each operation.
 */
@IntegrationTest
@Transactional
@FreshDatabase(demo = true)
class AccessByOrganisationTests {

    /** What each caller's sign-in over HTTP Basic made, by username. */
    private static final Map<String, SecurityContext> SIGNED_IN = new ConcurrentHashMap<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * A finished run that left referral 1 without a place, as if the planner had run matching this morning, a
     * scenario that a restart interrupted and purchase advice that a purchaser asked for.
     */
    @BeforeEach
    void aFinishedMatchingRun() {
        jdbc.update("""
                insert into matching_run (id, status, time_limit_seconds, requested_by, requested_at, started_at,
                  finished_at, elapsed_millis, hard_score, medium_score, soft_score, version)
                values (1, 'DONE', 10, 'planner', ?, ?, ?, 10000, 0, -24, 0, 0)""",
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        jdbc.update("""
                insert into matching_outcome (run_id, referral_id, urgency, youth_region_code, care_type_code,
                  min_security_level, days_waiting, unmet_reason, explanation)
                values (1, 1, 'HIGH', 'MIDDEN_IJSSEL_OOST_VELUWE', '43', 2, 5, 'NO_CAPACITY', ?)""", """
                {"referralId": 1, "alternatives": [], "notEligible": [], "unmetReason": "NO_CAPACITY",
                 "summary": "No place now (NO_CAPACITY): a free place at one of the contracted offers that fit"}""");
        jdbc.update("""
                insert into scenario (id, status, time_limit_seconds, changes, requested_by, requested_at, finished_at,
                  failure, version)
                values (1, 'FAILED', 10, '[{"kind": "EXTRA_PLACES", "offerId": 1, "places": 2}]', 'planner', ?, ?,
                  'The application stopped before the scenario was solved; start it again.', 0)""",
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        jdbc.update("""
                insert into purchase_advice (id, youth_region_code, with_euros, status, time_limit_seconds,
                  requested_by, requested_at, finished_at, result, result_with_euros, version)
                values (1, 'ACHTERHOEK', true, 'DONE', 2, 'inkoper.doetinchem', ?, ?, ?, ?, 0)""",
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), advice(""), advice(
                ", \"costPerYear\": 13965.0"));
    }

    /** Advice that found no gap of 5 youths or more, with or without the euros of today's figures. */
    private static String advice(String euros) {
        return """
                {"youthRegion": "ACHTERHOEK", "candidates": [],
                 "today": {"placedByUrgency": {"CRISIS": "<5"}, "unplacedByUrgency": {"CRISIS": "0"},
                           "totalDistanceKm": 20%s}}""".formatted(euros);
    }

    /** The cells of the matrix that the services decide. */
    static Stream<Arguments> callsPastSecurity() {
        return AccessMatrix.rules().stream().flatMap(rule -> AccessMatrix.CALLERS.stream()
                .filter(caller -> !rule.refusedBySecurity(caller))
                .map(caller -> Arguments.of(rule.operationId(), caller, rule, rule.statusFor(caller))));
    }

    @ParameterizedTest(name = "{0} as {1}: {3}")
    @MethodSource("callsPastSecurity")
    void answersEachCallerAsTheServicesDecideAndAuditsEveryChange(String operationId, String caller, Rule rule,
            int expected) throws Exception {
        MockHttpServletRequestBuilder request = request(rule, caller);
        long lastAuditEvent = jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);

        MvcResult result = mvc.perform(request).andReturn();

        assertThat(result.getResponse().getStatus())
                .as("%s as %s: %s", operationId, caller, result.getResponse().getContentAsString())
                .isEqualTo(expected);
        List<String> auditedBy = jdbc.queryForList("select username from audit_event where id > ?", String.class,
                lastAuditEvent);
        if (rule.method() != HttpMethod.GET && expected < 300) {
            assertThat(auditedBy).as("audit events of the change").isNotEmpty().containsOnly(caller);
        } else if (expected >= 300) {
            assertThat(auditedBy).as("audit events of a refused call").isEmpty();
        }
    }

    private MockHttpServletRequestBuilder request(Rule rule, String caller) throws Exception {
        return rule.request()
                .with(SecurityMockMvcRequestPostProcessors.authentication(signedIn(caller).getAuthentication()));
    }

    /** Signs the caller in over HTTP Basic with the README's password, once, and keeps what that sign-in made. */
    private SecurityContext signedIn(String caller) throws Exception {
        SecurityContext known = SIGNED_IN.get(caller);
        if (known != null) {
            return known;
        }
        MvcResult me = mvc.perform(MockMvcRequestBuilders.get("/api/v1/users/me")
                .with(SecurityMockMvcRequestPostProcessors.httpBasic(caller, AccessMatrix.password(caller)))).andReturn();
        assertThat(me.getResponse().getStatus()).as("%s signs in", caller).isEqualTo(200);
        assertThat(me.getResponse().getContentAsString()).contains("\"username\":\"" + caller + "\"");
        SecurityContext context = (SecurityContext) me.getRequest()
                .getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
        assertThat(context.getAuthentication().getName()).isEqualTo(caller);
        SIGNED_IN.put(caller, context);
        return context;
    }
}
