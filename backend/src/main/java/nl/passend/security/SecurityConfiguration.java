package nl.passend.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.passend.shared.DatabaseUnavailable;
import nl.passend.shared.ProblemType;
import nl.passend.shared.ProblemWriter;

/**
 * Who may call what. Every operation is named here with the roles that may call it; whatever is not named is
 * denied, except a request that nothing serves, which a signed-in caller gets answered 404 or 405 (see
 * {@link UnservedRequests}). Rules about organisations (a provider's own offers, a municipality's own contracts) live in the services,
 * which answer 404 for another organisation's resource.
 */
@Configuration
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /** Embedded default and any deployment without an identity provider: HTTP Basic against user accounts. */
    @Bean
    @Profile("!jwt")
    SecurityFilterChain basicAuthentication(HttpSecurity http, ProblemWriter problems, LoginThrottle throttle,
            ObjectProvider<HandlerMapping> handlerMappings) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, exception) -> {
            if (DatabaseUnavailable.isCause(exception)) {
                // The account could not be read: not the caller's fault, and not a failed sign-in to throttle.
                databaseUnavailable(problems, response);
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Passend\"");
            problems.write(response, ProblemType.UNAUTHORIZED, HttpStatus.UNAUTHORIZED,
                    "Sign in with a valid username and password.");
        };
        common(http, problems, entryPoint, new UnservedRequests(handlerMappings))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint)
                        .authenticationDetailsSource(SignInAttempt::of))
                .addFilterBefore(new ThrottleFilter(throttle, problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Profile {@code jwt}: an OAuth2 resource server whose tokens carry role and organisation. */
    @Bean
    @Profile("jwt")
    SecurityFilterChain bearerTokens(HttpSecurity http, ProblemWriter problems, JwtClaimsProperties claims,
            ObjectProvider<HandlerMapping> handlerMappings) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(response, ProblemType.UNAUTHORIZED, HttpStatus.UNAUTHORIZED,
                    "Send a valid bearer token that names a role and an organisation.");
        };
        common(http, problems, entryPoint, new UnservedRequests(handlerMappings))
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(entryPoint)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtActorConverter(claims))));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Requests the firewall refuses before any rule is read (a {@code ;}, an encoded slash, {@code ..} or a line
     * break in the URL, a header it does not accept) get a problem document like every other error.
     */
    @Bean
    RequestRejectedHandler firewallRefusals(ProblemWriter problems) {
        return (request, response, rejection) -> problems.write(response, ProblemType.INVALID_REQUEST,
                HttpStatus.BAD_REQUEST, "The request holds something in its URL, method or headers that is not "
                        + "allowed, such as ';', an encoded slash or '..', or a line break.");
    }

    private static void databaseUnavailable(ProblemWriter problems, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        problems.write(response, ProblemType.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached just now; try again shortly.");
    }

    private static HttpSecurity common(HttpSecurity http, ProblemWriter problems, AuthenticationEntryPoint entryPoint,
            RequestMatcher unserved) throws Exception {
        AccessDeniedHandler denied = (request, response, exception) -> problems.write(response,
                ProblemType.FORBIDDEN, HttpStatus.FORBIDDEN, "Your role may not do this.");
        return http
                // No cookies and no sessions: every request carries its credentials, so there is nothing to forge.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> accessRules(rules, unserved))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    }

    private static void accessRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
            RequestMatcher unserved) {
        String admin = Role.ADMIN.name();
        rules
                // Open: health for the platform, the contract and its Swagger UI.
                .requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers(GET, "/api/v1/openapi.json", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                        "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers(GET, "/actuator/prometheus").hasRole(admin)
                // Other actuator endpoints stay closed, even where configuration exposes one.
                .requestMatchers("/actuator", "/actuator/**").denyAll()
                // Nothing serves it (no such path, a trailing slash, another method): a signed-in caller learns that
                // (404, or 405 with Allow) and nothing runs. Before the rules below, whose "/*" also matches "x/".
                .requestMatchers(unserved).authenticated()

                // Reference data and the public registry: everyone signed in.
                .requestMatchers(GET, "/api/v1/youth-regions", "/api/v1/municipalities", "/api/v1/municipalities/*",
                        "/api/v1/care-types", "/api/v1/specialisms", "/api/v1/security-levels").authenticated()
                .requestMatchers(GET, "/api/v1/organisations", "/api/v1/organisations/*", "/api/v1/providers",
                        "/api/v1/providers/*", "/api/v1/locations", "/api/v1/locations/*", "/api/v1/offers",
                        "/api/v1/offers/*", "/api/v1/contracts", "/api/v1/contracts/*", "/api/v1/mandates",
                        "/api/v1/mandates/*").authenticated()
                .requestMatchers(GET, "/api/v1/users/me").authenticated()

                // Keeping the registry: admins the parties, providers their supply, purchasers their contracts.
                .requestMatchers(POST, "/api/v1/organisations", "/api/v1/providers").hasRole(admin)
                .requestMatchers(PUT, "/api/v1/organisations/*", "/api/v1/providers/*").hasRole(admin)
                .requestMatchers(DELETE, "/api/v1/organisations/*", "/api/v1/providers/*").hasRole(admin)
                .requestMatchers(POST, "/api/v1/locations", "/api/v1/offers").hasRole(Role.PROVIDER_INTAKE.name())
                .requestMatchers(PUT, "/api/v1/locations/*", "/api/v1/offers/*", "/api/v1/offers/*/capacity")
                .hasRole(Role.PROVIDER_INTAKE.name())
                .requestMatchers(DELETE, "/api/v1/locations/*", "/api/v1/offers/*").hasRole(Role.PROVIDER_INTAKE.name())
                .requestMatchers(POST, "/api/v1/contracts").hasRole(Role.PURCHASER.name())
                .requestMatchers(PUT, "/api/v1/contracts/*").hasRole(Role.PURCHASER.name())
                .requestMatchers(DELETE, "/api/v1/contracts/*").hasRole(Role.PURCHASER.name())
                // Consent to joint contracts: a purchaser for its own municipality (the services check which).
                .requestMatchers(POST, "/api/v1/contracts/*/confirmation", "/api/v1/contracts/*/decline",
                        "/api/v1/mandates", "/api/v1/mandates/*/revocation").hasRole(Role.PURCHASER.name())

                // Personal data: referrals for their own organisation's officers; placements also for the intake
                // of the offer; planners propose places without seeing a youth, officers for their own referrals.
                .requestMatchers(GET, "/api/v1/referrals", "/api/v1/referrals/*", "/api/v1/referrals/*/history")
                .hasRole(Role.PROBATION_OFFICER.name())
                .requestMatchers(POST, "/api/v1/referrals", "/api/v1/referrals/*/withdrawal",
                        "/api/v1/referrals/*/cancellation").hasRole(Role.PROBATION_OFFICER.name())
                .requestMatchers(GET, "/api/v1/referrals/*/explanation").hasRole(Role.PROBATION_OFFICER.name())
                .requestMatchers(GET, "/api/v1/placements", "/api/v1/placements/*")
                .hasAnyRole(Role.PROVIDER_INTAKE.name(), Role.PROBATION_OFFICER.name())
                .requestMatchers(POST, "/api/v1/placements")
                .hasAnyRole(Role.PLANNER.name(), Role.PROBATION_OFFICER.name())
                .requestMatchers(POST, "/api/v1/placements/*/acceptance", "/api/v1/placements/*/decline",
                        "/api/v1/placements/*/start", "/api/v1/placements/*/end").hasRole(Role.PROVIDER_INTAKE.name())
                .requestMatchers(GET, "/api/v1/placements/*/aftercare-plan", "/api/v1/aftercare/due",
                        "/api/v1/aftercare/overdue-tasks")
                .hasAnyRole(Role.PROVIDER_INTAKE.name(), Role.PROBATION_OFFICER.name())
                .requestMatchers(PUT, "/api/v1/placements/*/aftercare-plan").hasRole(Role.PROBATION_OFFICER.name())

                // Matching: planners run it and apply its proposals, and see ids and counts only.
                .requestMatchers(GET, "/api/v1/matching-runs", "/api/v1/matching-runs/*").hasRole(Role.PLANNER.name())
                .requestMatchers("/api/v1/matching-schedules", "/api/v1/matching-schedules/*")
                .hasRole(Role.PLANNER.name())
                .requestMatchers(POST, "/api/v1/matching-runs", "/api/v1/matching-runs/*/apply")
                .hasRole(Role.PLANNER.name())

                // Reports and scenarios for joint procurement: aggregates only, for planners and purchasers.
                .requestMatchers(GET, "/api/v1/reports/gaps", "/api/v1/reports/contract-usage", "/api/v1/scenarios",
                        "/api/v1/scenarios/*", "/api/v1/purchase-advice", "/api/v1/purchase-advice/*")
                .hasAnyRole(Role.PLANNER.name(), Role.PURCHASER.name())
                .requestMatchers(POST, "/api/v1/scenarios", "/api/v1/purchase-advice")
                .hasAnyRole(Role.PLANNER.name(), Role.PURCHASER.name())

                // Users and the audit trail: admins only.
                .requestMatchers(GET, "/api/v1/users", "/api/v1/users/*", "/api/v1/audit-events").hasRole(admin)
                .requestMatchers(POST, "/api/v1/users").hasRole(admin)
                .requestMatchers(PUT, "/api/v1/users/*").hasRole(admin)

                .anyRequest().denyAll();
    }

    /**
     * Refuses a sign-in whose username and address, or whose address, is waiting after failed sign-ins, before its
     * password is even checked (no BCrypt is spent on it), and notes for the throttle whether the pair failed before.
     */
    private static final class ThrottleFilter extends OncePerRequestFilter {

        private final LoginThrottle throttle;
        private final ProblemWriter problems;

        ThrottleFilter(LoginThrottle throttle, ProblemWriter problems) {
            this.throttle = throttle;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String username = basicUsername(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (username != null) {
                LoginThrottle.Verdict verdict;
                try {
                    verdict = throttle.check(username, request.getRemoteAddr());
                } catch (DataAccessException e) {
                    if (!DatabaseUnavailable.isCause(e)) {
                        throw e;
                    }
                    databaseUnavailable(problems, response);
                    return;
                }
                if (verdict.refusedFor().isPresent()) {
                    long seconds = Math.max(1, (verdict.refusedFor().get().toMillis() + 999) / 1000);
                    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                    problems.write(response, ProblemType.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS,
                            "Too many failed sign-ins for this username or from this address; try again in " + seconds
                                    + " seconds.");
                    return;
                }
                request.setAttribute(SignInAttempt.FAILED_BEFORE, verdict.failedBefore());
            }
            chain.doFilter(request, response);
        }

        private static String basicUsername(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
