package nl.passend.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

import nl.passend.shared.RowLocks;

/**
 * A test of persistence: repositories with their queries and locks, and the reports' SQL, against the Liquibase
 * schema (with reference data, without demo rows) and no other part of the application. On in-memory H2 by default,
 * and on the real MySQL-protocol server with {@code ./mvnw verify -Pmysql}, which runs the tests with this tag too;
 * either way in a database of its own, so that these classes run beside the end-to-end ones.
 *
 * <p>All of them share one application context. Do not add properties, imports or mock beans to a class with this
 * annotation: each variant starts a context of its own. Make what the class under test needs beyond the context with
 * {@code new}, and Mockito's {@code mock} for what the test is not about. Each test runs in a transaction that is
 * rolled back at its end; a test of locking commits, says {@code @Transactional(propagation = NOT_SUPPORTED)} and
 * clears what it committed with {@link Rows#clear()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJpaTest(showSql = false, properties = "passend.test.database=passend_persistence")
// The database the test profiles configure (see passend.test.database above), not an embedded one in its place.
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({RowLocks.class, Rows.class, TwoTransactions.class})
@Tag("persistence")
// One class at a time: rows one commits would count in another's queries.
@ResourceLock(PersistenceTest.DATABASE)
public @interface PersistenceTest {

    /** The lock that persistence test classes hold while they run; the end-to-end classes hold another. */
    String DATABASE = "nl.passend.support.PersistenceTest";
}
