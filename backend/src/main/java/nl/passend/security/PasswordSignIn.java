package nl.passend.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.AbstractUserDetailsAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * HTTP Basic sign-in against the user accounts, without a BCrypt on every request. The account is read on every
 * request, as before; a password that BCrypt verified against the account's stored hash is remembered for
 * {@link #REMEMBERED}, keyed by the username, that stored hash and an HMAC of the password under a key that exists
 * only in this instance's memory (never the password). A new password means a new stored hash, so the old one no
 * longer finds its entry, on any instance, at the very next request; a deactivated account (or organisation) is
 * refused before its password is looked at. An account that cannot sign in, unknown or deactivated, costs no BCrypt:
 * it waits as long as a BCrypt takes here instead, so that its answer is no faster than a wrong password's and does
 * not tell which usernames exist.
 */
@Component
class PasswordSignIn extends AbstractUserDetailsAuthenticationProvider {

    static final Duration REMEMBERED = Duration.ofMinutes(5);
    private static final int MOST_REMEMBERED = 10_000;

    private record Verified(String username, String storedHash, String passwordMac) {
    }

    private final UserDetailsService accounts;
    private final PasswordEncoder passwords;
    private final Cache<Verified, Boolean> verified = Caffeine.newBuilder().expireAfterWrite(REMEMBERED)
            .maximumSize(MOST_REMEMBERED).build();
    private final SecretKeySpec macKey;
    /** How long a BCrypt takes on this machine just now, a moving average of the checks it made. */
    private volatile long bcryptNanos;

    PasswordSignIn(UserDetailsService accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.macKey = new SecretKeySpec(key, "HmacSHA256");
        long start = System.nanoTime();
        passwords.encode("a first measure of BCrypt");
        this.bcryptNanos = System.nanoTime() - start;
        setPreAuthenticationChecks(account -> {
            if (!account.isEnabled()) {
                // Answered like a wrong password (and counted by the throttle), after as long.
                waitAsLongAsABcrypt();
                throw new BadCredentialsException("Bad credentials");
            }
        });
    }

    @Override
    protected UserDetails retrieveUser(String username, UsernamePasswordAuthenticationToken authentication) {
        try {
            return accounts.loadUserByUsername(username);
        } catch (UsernameNotFoundException unknown) {
            waitAsLongAsABcrypt();
            throw unknown;
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            // The account could not be read (the database away): the entry point answers 503, not a failed sign-in.
            throw new InternalAuthenticationServiceException(e.getMessage(), e);
        }
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails account, UsernamePasswordAuthenticationToken authentication) {
        if (authentication.getCredentials() == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        String password = authentication.getCredentials().toString();
        Verified key = new Verified(account.getUsername().toLowerCase(Locale.ROOT), account.getPassword(), mac(password));
        if (verified.getIfPresent(key) != null) {
            return;
        }
        long start = System.nanoTime();
        boolean matches = passwords.matches(password, account.getPassword());
        long took = System.nanoTime() - start;
        bcryptNanos += (took - bcryptNanos) / 8;
        if (!matches) {
            throw new BadCredentialsException("Bad credentials");
        }
        verified.put(key, Boolean.TRUE);
    }

    private String mac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Holds the request's thread, not a core: the time of a BCrypt without its cost in CPU. */
    private void waitAsLongAsABcrypt() {
        try {
            TimeUnit.NANOSECONDS.sleep(bcryptNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
