package nl.passend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in with a password remembers a verification, and forgets it the moment the account changes. Plain objects: the
 * accounts are a map, BCrypt is counted; the end-to-end side is in {@code HardeningTests}.
 */
class PasswordSignInTests {

    private final Map<String, ActorUserDetails> accounts = new HashMap<>();
    private final AtomicInteger bcrypts = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(8);
    private final PasswordEncoder counted = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcrypts.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private PasswordSignIn signIn;

    @BeforeEach
    void account() {
        account("planner", "planner-demo", true);
        signIn = new PasswordSignIn(username -> {
            ActorUserDetails account = accounts.get(username);
            if (account == null) {
                throw new UsernameNotFoundException("No such user");
            }
            return account;
        }, counted);
    }

    @Test
    void remembersAVerifiedPasswordSoThatTheNextRequestRunsNoBcrypt() {
        assertThat(signIn("planner", "planner-demo").getName()).isEqualTo("planner");
        for (int request = 0; request < 10; request++) {
            assertThat(signIn("planner", "planner-demo").isAuthenticated()).isTrue();
        }
        assertThat(bcrypts).hasValue(1);

        // A wrong password is never remembered: each one costs its BCrypt (and the throttle counts it).
        assertThatThrownBy(() -> signIn("planner", "guess")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("planner", "guess")).isInstanceOf(BadCredentialsException.class);
        assertThat(bcrypts).hasValue(3);
    }

    @Test
    void forgetsAVerificationAtOnceWhenThePasswordChanges() {
        signIn("planner", "planner-demo");
        account("planner", "a new password", true);

        assertThatThrownBy(() -> signIn("planner", "planner-demo")).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn("planner", "a new password").isAuthenticated()).isTrue();
    }

    @Test
    void forgetsAVerificationAtOnceWhenTheAccountIsDeactivated() {
        signIn("planner", "planner-demo");
        accounts.put("planner", new ActorUserDetails(accounts.get("planner").actor(),
                accounts.get("planner").passwordHash(), false));
        int before = bcrypts.get();

        assertThatThrownBy(() -> signIn("planner", "planner-demo")).isInstanceOf(BadCredentialsException.class);
        assertThat(bcrypts).as("a deactivated account costs no BCrypt").hasValue(before);
    }

    @Test
    void spendsNoBcryptOnAnUnknownUsernameButTakesAsLong() {
        long start = System.nanoTime();
        bcrypt.matches("planner-demo", accounts.get("planner").passwordHash());
        Duration oneBcrypt = Duration.ofNanos(System.nanoTime() - start);

        start = System.nanoTime();
        assertThatThrownBy(() -> signIn("nobody", "planner-demo")).isInstanceOf(BadCredentialsException.class);
        Duration unknown = Duration.ofNanos(System.nanoTime() - start);
        assertThat(bcrypts).hasValue(0);
        // As long as a BCrypt, give or take what a busy machine makes of either.
        assertThat(unknown).isGreaterThan(oneBcrypt.dividedBy(4));
    }

    private Authentication signIn(String username, String password) {
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private void account(String username, String password, boolean active) {
        accounts.put(username, new ActorUserDetails(new Actor(username, Role.PLANNER, 1), bcrypt.encode(password),
                active));
    }
}
