package nl.passend.shared;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Names the full version of the contract on every response ({@code API-Version}, NLGov API Design Rules
 * {@code /core/version-header}); the path holds only the major version. First of all filters, so that the refusals
 * of the later ones (size limit, firewall, sign-in) carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiVersionHeader extends OncePerRequestFilter {

    static final String NAME = "API-Version";

    private final String version = OpenApiDocument.contract().version();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(NAME, version);
        chain.doFilter(request, response);
    }
}
