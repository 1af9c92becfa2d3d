package nl.passend.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web application's pages: everything outside the API, its documents and actuator. Browsers sign in with a form
 * and keep a session (so CSRF protection is on); the API's chain ({@link SecurityConfiguration}) stays stateless and
 * answers everything else. Pages call the same services as the API, which check the organisation; the roles of each
 * page's path are named here, as the API's operations are there.
 */
@Configuration
@Profile("!jwt")
class PageSecurityConfiguration {

    static final String SIGN_IN = "/inloggen";

    /** What the API's chain answers; the pages' chain takes every other path. */
    private static final RequestMatcher API = new OrRequestMatcher(antMatcher("/api/**"), antMatcher("/actuator"),
            antMatcher("/actuator/**"), antMatcher("/v3/**"), antMatcher("/swagger-ui/**"),
            antMatcher("/swagger-ui.html"), antMatcher("/error"));

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle,
            ObjectProvider<HandlerMapping> handlerMappings) throws Exception {
        String officer = Role.PROBATION_OFFICER.name();
        String intake = Role.PROVIDER_INTAKE.name();
        String planner = Role.PLANNER.name();
        String purchaser = Role.PURCHASER.name();
        String admin = Role.ADMIN.name();
        // After signing in, back to the page asked for; never to a part of a page that htmx asked for.
        HttpSessionRequestCache pageAskedFor = new HttpSessionRequestCache();
        pageAskedFor.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && request.getHeader("HX-Request") == null);
        http.securityMatcher(new NegatedRequestMatcher(API))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(GET, SIGN_IN, "/vendor/**", "/webjars/htmx.org/**", "/css/**").permitAll()
                        // Where a refusal is shown: its status is set by the refusal that forwarded here.
                        .requestMatchers("/geweigerd").permitAll()
                        // Nothing serves it: signed in, the caller learns that (404), as in the API.
                        .requestMatchers(new UnservedRequests(handlerMappings)).authenticated()
                        .requestMatchers(GET, "/").authenticated()
                        // A probation officer's referrals; the service shows only the own organisation's.
                        .requestMatchers(GET, "/verwijzingen", "/verwijzingen/open", "/verwijzingen/nieuw",
                                "/verwijzingen/*", "/verwijzingen/*/uitleg").hasRole(officer)
                        .requestMatchers(POST, "/verwijzingen").hasRole(officer)
                        // A provider's intake: proposals for its own offers, its placements, today's capacity of its
                        // own offers; the services show and change only its own provider's.
                        .requestMatchers(GET, "/voorstellen", "/voorstellen/vandaag", "/voorstellen/*", "/plaatsingen",
                                "/plaatsingen/*", "/capaciteit").hasRole(intake)
                        .requestMatchers(POST, "/voorstellen/*/accepteren", "/voorstellen/*/afwijzen",
                                "/plaatsingen/*/start", "/plaatsingen/*/einde", "/capaciteit").hasRole(intake)
                        // A planner's matching runs, gap report and scenarios; reports and scenarios are a
                        // purchaser's too, as in the API. Aggregates and ids only, never a youth.
                        .requestMatchers(GET, "/matching", "/matching/vandaag", "/matching/*",
                                "/matching/*/voortgang").hasRole(planner)
                        .requestMatchers(POST, "/matching", "/matching/*/toepassen").hasRole(planner)
                        .requestMatchers(GET, "/tekorten", "/tekorten.csv", "/tekorten/grootste", "/scenarios",
                                "/scenarios/*", "/scenarios/*/voortgang", "/scenarios/advies/*",
                                "/scenarios/advies/*/voortgang").hasAnyRole(planner, purchaser)
                        .requestMatchers(POST, "/scenarios", "/scenarios/advies").hasAnyRole(planner, purchaser)
                        // A probation officer's aftercare and closing of referrals; the services show only the own
                        // organisation's placements and referrals.
                        .requestMatchers(GET, "/nazorg", "/nazorg/achterstallig", "/nazorg/*").hasRole(officer)
                        .requestMatchers(POST, "/nazorg/*", "/nazorg/*/partners", "/nazorg/*/taken",
                                "/nazorg/*/taken/*/klaar", "/verwijzingen/*/intrekken", "/verwijzingen/*/annuleren")
                        .hasRole(officer)
                        // An administrator's users, organisations and audit trail.
                        .requestMatchers(GET, "/beheer/gebruikers", "/beheer/gebruikers/nieuw",
                                "/beheer/gebruikers/inactief", "/beheer/gebruikers/*", "/beheer/organisaties",
                                "/beheer/organisaties/nieuw", "/beheer/organisaties/*", "/beheer/audit",
                                "/beheer/audit/recent").hasRole(admin)
                        .requestMatchers(POST, "/beheer/gebruikers", "/beheer/gebruikers/*", "/beheer/organisaties",
                                "/beheer/organisaties/*").hasRole(admin)
                        // A purchaser's contracts, their usage and its municipality's consent to joint ones (and its
                        // mandates); the services show and change only those of its own municipality.
                        .requestMatchers(GET, "/contracten", "/contracten/nieuw", "/contracten/instemming",
                                "/contracten/instemming/aantal", "/contracten/*", "/contracten/*/wijzigen",
                                "/contracten/*/gebruik", "/contractgebruik/bijna-vol", "/mandaten")
                        .hasRole(Role.PURCHASER.name())
                        .requestMatchers(POST, "/contracten", "/contracten/*", "/contracten/*/instemming",
                                "/contracten/*/weigering", "/mandaten", "/mandaten/*/intrekking")
                        .hasRole(Role.PURCHASER.name())
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage(SIGN_IN).loginProcessingUrl(SIGN_IN).failureUrl(SIGN_IN + "?fout")
                        // What the throttle counts a failure or a success by, as for the API's sign-in.
                        .authenticationDetailsSource(SignInAttempt::of))
                .logout(logout -> logout.logoutUrl("/uitloggen").logoutSuccessUrl(SIGN_IN + "?uitgelogd"))
                .requestCache(cache -> cache.requestCache(pageAskedFor))
                .exceptionHandling(errors -> errors.accessDeniedPage("/geweigerd"))
                // The same throttle as the API's sign-in: failures by form count towards it too (it listens to
                // the authentication events of both chains).
                .addFilterBefore(new FormThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** Sends a username that is waiting after failed sign-ins back to the form, before its password is checked. */
    private static final class FormThrottleFilter extends OncePerRequestFilter {

        private final LoginThrottle throttle;

        FormThrottleFilter(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String username = request.getParameter("username");
            boolean signingIn = "POST".equals(request.getMethod())
                    && (request.getContextPath() + SIGN_IN).equals(request.getRequestURI());
            if (!signingIn || username == null) {
                chain.doFilter(request, response);
                return;
            }
            LoginThrottle.Verdict verdict = throttle.check(username, request.getRemoteAddr());
            request.setAttribute(SignInAttempt.FAILED_BEFORE, verdict.failedBefore());
            Optional<Duration> wait = verdict.refusedFor();
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                response.sendRedirect(request.getContextPath() + SIGN_IN + "?wacht=" + seconds);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
