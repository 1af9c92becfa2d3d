package nl.passend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.passend.security.AccessMatrix.Rule;
import nl.passend.support.Tokens;
import nl.passend.support.WebSlice;

/**
 * The access matrix in the web layer: every operation of the contract, called anonymously and in the role of every
 * demo user, through the real security configuration, in front of mocked services. Where the table says 401 or 403
 * the caller gets exactly that and no service is asked (so nothing can be read, changed or audited); every other
 * caller gets past security to the operation's service. What the services then decide, by organisation, is
 * {@link AccessByOrganisationTests}'s.
 */
@WebSlice
// One instance for all the calls, which keeps the mocked services it found.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTests {

    /** The organisation in the tokens: the services that would check it are mocks here. */
    private static final long ORGANISATION = 1;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    private List<Object> services;

    @Test
    void everyOperationOfTheContractHasARule() throws Exception {
        Set<String> ruled = AccessMatrix.rules().stream().map(Rule::operationId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(ruled).isEqualTo(AccessMatrix.specifiedOperations());
        assertThat(AccessMatrix.rules())
                .allSatisfy(rule -> assertThat(rule.statuses()).hasSize(AccessMatrix.CALLERS.size()));
    }

    @ParameterizedTest(name = "{0} as {1}: {3}")
    @MethodSource("nl.passend.security.AccessMatrix#calls")
    void letsEachCallerThroughOnlyWhereTheRuleSays(String operationId, String caller, Rule rule, int expected)
            throws Exception {
        MockHttpServletRequestBuilder request = rule.request();
        if (!caller.equals("anonymous")) {
            request.with(Tokens.as(new Actor(caller, AccessMatrix.role(caller), ORGANISATION)));
        }
        long asked = serviceCalls();

        MvcResult result = mvc.perform(request).andReturn();

        String answer = result.getResponse().getContentAsString();
        if (rule.refusedBySecurity(caller)) {
            assertThat(result.getResponse().getStatus()).as("%s as %s: %s", operationId, caller, answer)
                    .isEqualTo(expected);
            assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(serviceCalls()).as("services asked for a refused call").isEqualTo(asked);
        } else {
            assertThat(result.getResponse().getStatus()).as("%s as %s: %s", operationId, caller, answer)
                    .isNotIn(401, 403);
            assertThat(serviceCalls()).as("%s as %s reaches its service", operationId, caller).isGreaterThan(asked);
        }
    }

    /** How often the mocked services were asked anything so far. */
    private long serviceCalls() {
        if (services == null) {
            services = context.getBeansOfType(Object.class).values().stream()
                    .filter(bean -> Mockito.mockingDetails(bean).isMock()).toList();
            assertThat(services).as("mocked services").isNotEmpty();
        }
        return services.stream().mapToLong(bean -> Mockito.mockingDetails(bean).getInvocations().size()).sum();
    }
}
