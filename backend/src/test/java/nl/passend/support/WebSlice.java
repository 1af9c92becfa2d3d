package nl.passend.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.mockito.Mockito;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockReset;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RestController;

import nl.passend.security.WebSecurity;
import nl.passend.shared.PageController;
import nl.passend.shared.ProblemWriter;

/**
 * A test of the web layer: every controller, the error handler, the filters and the real security configuration, in
 * front of services that are Mockito mocks; no database. All such classes share one application context, so do not
 * add properties, profiles or mock beans to a class with this annotation: stub the mocks it has (autowire the
 * service and use {@code given(...)}), and reset nothing by hand (Spring resets every mock after each test).
 * <p>
 * Callers authenticate as the {@code jwt} profile has them do, with bearer tokens ({@link Tokens}) signed by a local
 * test key: the access rules are the same for both ways in, and so the tests of the token sign-in share this context
 * instead of starting one of their own. Signing in with a password is tested end to end ({@link IntegrationTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@TestPropertySource(properties = {"spring.profiles.include=jwt",
        "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/test-public.pem",
        // Mocks answer null where a controller expects an answer, and the error handler would log each such 500.
        "logging.level.nl.passend.shared.ApiExceptionHandler=OFF"})
@Import({ProblemWriter.class, WebSecurity.class, WebSlice.MockedServices.class})
@Tag("web")
// One class at a time: they share the mocks, and some count how often they were asked.
@ResourceLock(WebSlice.MOCKS)
public @interface WebSlice {

    String MOCKS = "web-slice-mocks";

    /**
     * A mock of everything a controller or page is made with, found by scanning the controllers: a controller added later
     * gets its mocks without a line here. Spring resets them after each test, as it does its own mock beans.
     */
    class MockedServices implements ImportBeanDefinitionRegistrar {

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
            // Pages too: the slice loads them, and a page may need what no REST controller does.
            scanner.addIncludeFilter(new AnnotationTypeFilter(PageController.class));
            for (BeanDefinition controller : scanner.findCandidateComponents("nl.passend")) {
                Class<?> type = ClassUtils.resolveClassName(controller.getBeanClassName(), getClass().getClassLoader());
                Arrays.stream(type.getDeclaredConstructors())
                        .map(Constructor::getParameterTypes)
                        .flatMap(Arrays::stream)
                        .distinct()
                        // Our services only: a mock Validator, MessageSource or Clock would replace the real one.
                        .filter(service -> service.getName().startsWith("nl.passend."))
                        .filter(service -> !registry.containsBeanDefinition(service.getName()))
                        .forEach(service -> registry.registerBeanDefinition(service.getName(), mock(service)));
            }
        }

        private static <T> RootBeanDefinition mock(Class<T> service) {
            RootBeanDefinition definition = new RootBeanDefinition(service,
                    () -> Mockito.mock(service, MockReset.withSettings(MockReset.AFTER)));
            definition.setPrimary(true);
            return definition;
        }
    }
}
