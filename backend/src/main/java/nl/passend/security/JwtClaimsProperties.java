package nl.passend.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which claims of an identity provider's token carry the role and the organisation (profile {@code jwt}).
 *
 * @param role the claim that holds one of the roles, such as {@code PURCHASER}
 * @param organisation the claim that holds the id of the user's organisation in Passend
 */
@ConfigurationProperties("passend.security.jwt.claims")
record JwtClaimsProperties(@DefaultValue("role") String role, @DefaultValue("organisation_id") String organisation) {
}
