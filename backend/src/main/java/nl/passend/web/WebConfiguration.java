package nl.passend.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.webjars.WebJarVersionLocator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages in Dutch unless the reader chose English ({@code ?lang=en}, remembered in a cookie) or the browser asks for
 * English before Dutch; the API keeps answering in the language it always did. Serves the vendored NL Design System
 * CSS and htmx's WebJar, since the API turned Spring Boot's static files off.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    /** Dutch with the Netherlands' notation: "30 november 2026", "€ 1.234,56". */
    static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final List<Locale> OFFERED = List.of(DUTCH, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver pages = new CookieLocaleResolver("passend-taal");
        pages.setCookieMaxAge(Duration.ofDays(365));
        pages.setCookieSameSite("Lax");
        pages.setDefaultLocaleFunction(WebConfiguration::fromBrowser);
        AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return isApi(request) ? api.resolveLocale(request) : pages.resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                pages.setLocale(request, response, locale == null ? null : offered(locale));
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/v3/**", "/actuator/**", "/swagger-ui/**");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/vendor/**").addResourceLocations("classpath:/static/vendor/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
        // htmx only (not every WebJar on the class path), at a path without its version, which the WebJar knows.
        String htmx = new WebJarVersionLocator().version("htmx.org");
        registry.addResourceHandler("/webjars/htmx.org/dist/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/htmx.org/" + htmx + "/dist/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)));
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator");
    }

    /** The browser's first choice of the languages offered; Dutch when it names neither. */
    private static Locale fromBrowser(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return DUTCH;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(header), OFFERED);
            return chosen == null ? DUTCH : chosen;
        } catch (IllegalArgumentException malformed) {
            return DUTCH;
        }
    }

    private static Locale offered(Locale locale) {
        return locale.getLanguage().equals("en") ? Locale.ENGLISH : DUTCH;
    }
}
