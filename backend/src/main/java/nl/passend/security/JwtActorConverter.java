package nl.passend.security;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Turns a validated token into an actor: its subject, and the role and organisation its claims carry. */
class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtClaimsProperties claims;

    JwtActorConverter(JwtClaimsProperties claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Actor actor = new Actor(jwt.getSubject(), role(jwt), organisation(jwt));
        return new ActorAuthentication(actor, jwt);
    }

    private Role role(Jwt jwt) {
        String role = jwt.getClaimAsString(claims.role());
        try {
            return Role.valueOf(String.valueOf(role));
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The token's claim '" + claims.role() + "' names no known role");
        }
    }

    private long organisation(Jwt jwt) {
        Object organisation = jwt.getClaim(claims.organisation());
        if (organisation instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(organisation));
        } catch (NumberFormatException e) {
            throw new InvalidBearerTokenException(
                    "The token's claim '" + claims.organisation() + "' names no organisation id");
        }
    }

    /** An authenticated token whose principal is the actor. */
    private static final class ActorAuthentication extends AbstractAuthenticationToken {

        private final Actor actor;
        private final Jwt jwt;

        ActorAuthentication(Actor actor, Jwt jwt) {
            super(List.of(new SimpleGrantedAuthority(actor.role().authority())));
            this.actor = actor;
            this.jwt = jwt;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return jwt;
        }

        @Override
        public Object getPrincipal() {
            return actor;
        }

        @Override
        public String getName() {
            return actor.username();
        }
    }
}
