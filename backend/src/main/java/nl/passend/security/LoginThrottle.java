package nl.passend.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down guessing of passwords without letting a stranger lock anyone out. Failures are counted per username and
 * client address together and per address alone: after {@value #FREE_ATTEMPTS} failures in a row for a username from
 * one address, or {@value #FREE_ATTEMPTS_PER_ADDRESS} from one address for any usernames, that pair or that address is
 * refused for a while that doubles with every further failure, up to a quarter of an hour. A success forgets the
 * pair's failures, not the address's (else one valid account would clear a spray); failures older than an hour are
 * forgotten. The counts live in the database, so every instance of the application sees the same ones.
 */
@Component
class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final int FREE_ATTEMPTS_PER_ADDRESS = 20;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** A failure longer ago than this no longer counts. */
    static final Duration MEMORY = Duration.ofHours(1);

    /** How often a failure is counted again after the database rolled its count back in a deadlock. */
    private static final int COUNTING_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    /** What the throttle knows of a sign-in before its password is checked. */
    record Verdict(Optional<Duration> refusedFor, boolean failedBefore) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** How long a sign-in as this username from this address must still wait, and whether the pair failed before. */
    Verdict check(String username, String address) {
        String pair = pairKey(username, address);
        record Row(String key, LocalDateTime refusedUntil) {
        }
        List<Row> rows = jdbc.sql("select throttle_key, refused_until from sign_in_throttle where throttle_key in (?, ?)")
                .params(pair, addressKey(address))
                .query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, LocalDateTime.class))).list();
        Instant now = clock.instant();
        Optional<Duration> wait = rows.stream().map(row -> row.refusedUntil().toInstant(ZoneOffset.UTC))
                .filter(until -> until.isAfter(now)).max(Instant::compareTo).map(until -> Duration.between(now, until));
        return new Verdict(wait, rows.stream().anyMatch(row -> row.key().equals(pair)));
    }

    /**
     * Counts a failed sign-in, for the pair and for the address, in one transaction. The first failures of a new
     * key on two instances at once can deadlock on InnoDB (both lock the gap where the row will be, then both
     * insert); the database then rolls one back whole, and that one is counted again, on the row the other made.
     */
    void failed(String username, String address) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> {
                    // Always the pair first, then the address: two failures never wait for each other's rows in turn.
                    count(pairKey(username, address), FREE_ATTEMPTS);
                    count(addressKey(address), FREE_ATTEMPTS_PER_ADDRESS);
                });
                return;
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == COUNTING_ATTEMPTS) {
                    throw deadlock;
                }
            }
        }
    }

    /** Forgets the pair's failures after a success; the address keeps its own. */
    void succeeded(String username, String address) {
        jdbc.sql("delete from sign_in_throttle where throttle_key = ?").param(pairKey(username, address)).update();
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getDetails() instanceof SignInAttempt attempt) {
            try {
                failed(event.getAuthentication().getName(), attempt.address());
            } catch (DataAccessException e) {
                // The refusal stands; only its count is lost, while the database cannot take it.
                LOG.warn("Could not count a failed sign-in: {}", e.getMessage());
            }
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        // Only a pair that failed before has a row to forget: every other success writes nothing.
        if (event.getAuthentication().getDetails() instanceof SignInAttempt attempt && attempt.failedBefore()) {
            try {
                succeeded(event.getAuthentication().getName(), attempt.address());
            } catch (DataAccessException e) {
                LOG.warn("Could not forget failed sign-ins after a success: {}", e.getMessage());
            }
        }
    }

    private void count(String key, int freeAttempts) {
        Instant now = clock.instant();
        Optional<Counted> row = lock(key);
        if (row.isEmpty()) {
            try {
                jdbc.sql("insert into sign_in_throttle (throttle_key, failures, last_failure_at, refused_until) "
                        + "values (?, 1, ?, ?)").params(key, utc(now), utc(refusedUntil(1, freeAttempts, now))).update();
                forgetOldFailures(now);
                return;
            } catch (DuplicateKeyException raced) {
                // Another instance counted the first failure at the same time: count on its row.
                row = lock(key);
            }
        }
        Counted recorded = row.orElseThrow();
        int failures = recorded.lastFailureAt().toInstant(ZoneOffset.UTC).isBefore(now.minus(MEMORY)) ? 1
                : recorded.failures() + 1;
        jdbc.sql("update sign_in_throttle set failures = ?, last_failure_at = ?, refused_until = ? "
                + "where throttle_key = ?").params(failures, utc(now), utc(refusedUntil(failures, freeAttempts, now)), key)
                .update();
    }

    /** The row's count, locked until the transaction ends, so that no other instance counts in between. */
    private Optional<Counted> lock(String key) {
        return jdbc.sql("select failures, last_failure_at from sign_in_throttle where throttle_key = ? for update")
                .param(key).query((rs, n) -> new Counted(rs.getInt(1), rs.getObject(2, LocalDateTime.class)))
                .optional();
    }

    private record Counted(int failures, LocalDateTime lastFailureAt) {
    }

    /** Rows that count for nothing any more; removed now and then, when a new one is made. */
    private void forgetOldFailures(Instant now) {
        jdbc.sql("delete from sign_in_throttle where last_failure_at < ? and refused_until < ?")
                .params(utc(now.minus(MEMORY)), utc(now)).update();
    }

    private static Instant refusedUntil(int failures, int freeAttempts, Instant now) {
        if (failures < freeAttempts) {
            return now;
        }
        Duration wait = Duration.ofSeconds(1L << Math.min(20, failures - freeAttempts));
        return now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }

    /** Stored as UTC wall-clock time: the same on every instance, whatever its time zone or driver. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String pairKey(String username, String address) {
        return sha256("user\u0000" + String.valueOf(username).toLowerCase(Locale.ROOT) + "\u0000" + address);
    }

    private static String addressKey(String address) {
        return sha256("address\u0000" + address);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
