package nl.passend.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * An end-to-end test through the HTTP API against the Liquibase schema: on in-memory H2 by default, and on the real
 * MySQL-protocol server with {@code ./mvnw verify -Pmysql}, which runs only tests with this tag. All of them share one
 * application context and one database; a class that needs a database of its own says so with
 * {@link FreshDatabase}, which rebuilds it rather than starting another context. Do not add properties, profiles or
 * mock beans to a class with this annotation: each variant starts a context of its own. Metrics are on for all of
 * them (as in production; tracing stays off), so that the tests of the metrics endpoint share the one context too,
 * and the context runs a real server on a random port ({@code local.server.port}), for the few tests of what only
 * Tomcat does; the others call it through MockMvc.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@Import({Api.class, Actors.class, TableCounts.class, Database.class})
@Tag("integration")
// One class at a time: they share the database, and some rebuild it or stop the context's runners.
@ResourceLock(Database.LOCK)
public @interface IntegrationTest {
}
