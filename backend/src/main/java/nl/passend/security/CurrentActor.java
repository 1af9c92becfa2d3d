package nl.passend.security;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;

/** The actor of the request being served, whichever way it authenticated. */
@Component
public class CurrentActor {

    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorUserDetails user) {
            return user.actor();
        }
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return actor;
        }
        throw new InsufficientAuthenticationException("No authenticated actor");
    }

    /**
     * Does work that no request asked for (a schedule's run, applied when done) as the actor it is done for, on a
     * thread of its own; the thread's security context is as before afterwards.
     */
    public <T> T runAs(Actor actor, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PreAuthenticatedAuthenticationToken(actor, null,
                List.of(new SimpleGrantedAuthority(actor.role().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
