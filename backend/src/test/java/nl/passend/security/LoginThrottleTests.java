package nl.passend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import nl.passend.support.Concurrently;
import nl.passend.support.PersistenceTest;

/**
 * The sign-in throttle as several instances of the application share it: each throttle here stands for an instance,
 * with a clock of its own, on the one database. Its counts commit, so the class clears them after each test.
 */
@PersistenceTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LoginThrottleTests {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void clear() {
        jdbc.sql("delete from sign_in_throttle").update();
    }

    @Test
    void refusesOnOneInstanceWhatFailedOnAnother() {
        LoginThrottle first = instance(NOW);
        LoginThrottle second = instance(NOW);
        for (int attempt = 0; attempt < LoginThrottle.FREE_ATTEMPTS - 1; attempt++) {
            first.failed("admin", "192.0.2.66");
        }
        assertThat(second.check("admin", "192.0.2.66").refusedFor()).isEmpty();
        assertThat(second.check("admin", "192.0.2.66").failedBefore()).isTrue();
        second.failed("ADMIN", "192.0.2.66");

        assertThat(first.check("admin", "192.0.2.66").refusedFor()).contains(Duration.ofSeconds(1));
        assertThat(second.check("Admin", "192.0.2.66").refusedFor()).contains(Duration.ofSeconds(1));
        // The same username from another address, the real administrator, is not kept waiting.
        assertThat(second.check("admin", "198.51.100.7").refusedFor()).isEmpty();
        assertThat(second.check("admin", "198.51.100.7").failedBefore()).isFalse();

        // The wait doubles with every further failure, on whichever instance it fails.
        first.failed("admin", "192.0.2.66");
        assertThat(instance(NOW).check("admin", "192.0.2.66").refusedFor()).contains(Duration.ofSeconds(2));
        assertThat(instance(NOW.plusSeconds(2)).check("admin", "192.0.2.66").refusedFor()).isEmpty();
    }

    @Test
    void slowsAnAddressThatSpraysUsernamesAndNoOtherAddress() {
        LoginThrottle throttle = instance(NOW);
        for (int guess = 0; guess < LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS; guess++) {
            // Fewer failures per username than would stop a pair: only the address as a whole gives it away.
            throttle.failed("user" + guess, "192.0.2.99");
        }
        assertThat(throttle.check("someone.new", "192.0.2.99").refusedFor()).contains(Duration.ofSeconds(1));
        assertThat(throttle.check("planner", "192.0.2.99").refusedFor()).contains(Duration.ofSeconds(1));
        assertThat(throttle.check("planner", "198.51.100.7").refusedFor()).isEmpty();

        // A success forgets the pair, never the address: one valid account cannot clear a spray.
        throttle.succeeded("user0", "192.0.2.99");
        assertThat(throttle.check("user0", "192.0.2.99").refusedFor()).contains(Duration.ofSeconds(1));
        assertThat(throttle.check("user0", "192.0.2.99").failedBefore()).isFalse();
        // An hour later the failures no longer count: the next one starts again from one.
        LoginThrottle later = instance(NOW.plus(LoginThrottle.MEMORY).plusSeconds(1));
        later.failed("user1", "192.0.2.99");
        assertThat(later.check("someone.new", "192.0.2.99").refusedFor()).isEmpty();
    }

    @Test
    void countsEveryFailureWhenInstancesFailAtOnce() throws Exception {
        LoginThrottle first = instance(NOW);
        LoginThrottle second = instance(NOW);
        int failures = 16;
        // Half on each instance, all at once, on the same two rows (the pair and the address), the first one new.
        Concurrently.run(failures, i -> {
            (i % 2 == 0 ? first : second).failed("raced", "192.0.2.1");
            return null;
        });
        assertThat(jdbc.sql("select failures from sign_in_throttle").query(Integer.class).list())
                .containsExactly(failures, failures);
        // 16 failures: 12 past the free 5 for the pair, so 2^11 s, kept at the longest wait.
        assertThat(first.check("raced", "192.0.2.1").refusedFor()).contains(LoginThrottle.LONGEST_WAIT);
    }

    private LoginThrottle instance(Instant now) {
        return new LoginThrottle(jdbc, transactions, Clock.fixed(now, ZoneOffset.UTC));
    }
}
