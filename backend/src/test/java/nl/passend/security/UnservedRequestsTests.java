package nl.passend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

/** What is served is asked of the handler mappings once per method and path; each asks for itself. */
class UnservedRequestsTests {

    private final AtomicInteger asked = new AtomicInteger();

    /** Serves GET /api/v1/referrals/{id}; the path for other methods only. */
    private final HandlerMapping referrals = request -> {
        asked.incrementAndGet();
        if (!request.getRequestURI().startsWith("/api/v1/referrals/")) {
            return null;
        }
        if (!"GET".equals(request.getMethod())) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod());
        }
        return new HandlerExecutionChain(new Object());
    };

    private final UnservedRequests unserved = new UnservedRequests(
            new StaticListableBeanFactory(Map.of("referrals", referrals)).getBeanProvider(HandlerMapping.class));

    @Test
    void asksTheMappingsOncePerMethodAndPath() {
        assertThat(unserved.matches(request("GET", "/api/v1/referrals/1"))).isFalse();
        assertThat(unserved.matches(request("GET", "/api/v1/referrals/1"))).isFalse();
        assertThat(asked).hasValue(1);

        assertThat(unserved.matches(request("DELETE", "/api/v1/referrals/1"))).as("served for GET only: MVC says 405")
                .isTrue();
        assertThat(unserved.matches(request("GET", "/api/v1/nothing"))).isTrue();
        assertThat(unserved.matches(request("GET", "/api/v1/referrals/2"))).isFalse();
        assertThat(asked).hasValue(4);
    }

    private static MockHttpServletRequest request(String method, String path) {
        return new MockHttpServletRequest(method, path);
    }
}
