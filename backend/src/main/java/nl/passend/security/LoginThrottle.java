package nl.passend.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of passwords: after {@value #FREE_ATTEMPTS} failed sign-ins in a row, a username is refused
 * for a while that doubles with every further failure, up to a quarter of an hour; one success forgets the failures.
 */
@Component
class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** Failures are kept per username in memory; far more usernames than this means someone is spraying. */
    private static final int MOST_USERNAMES = 10_000;

    private record Failures(int count, Instant refusedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the username must still wait before it may try again, if at all. */
    Optional<Duration> waitFor(String username) {
        Failures recorded = failures.get(key(username));
        Instant now = clock.instant();
        if (recorded == null || !recorded.refusedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, recorded.refusedUntil()));
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (failures.size() >= MOST_USERNAMES) {
            Instant now = clock.instant();
            failures.values().removeIf(recorded -> !recorded.refusedUntil().isAfter(now));
        }
        failures.compute(key(event.getAuthentication().getName()), (username, recorded) -> {
            int count = recorded == null ? 1 : recorded.count() + 1;
            Duration wait = count < FREE_ATTEMPTS ? Duration.ZERO
                    : Duration.ofSeconds(1L << Math.min(20, count - FREE_ATTEMPTS));
            return new Failures(count, clock.instant().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait));
        });
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    private static String key(String username) {
        return String.valueOf(username).toLowerCase(Locale.ROOT);
    }
}
