package nl.passend.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The security configuration as it runs in production, for the web slice ({@code support.WebSlice}), which does not
 * pick up configuration classes or scan for configuration properties by itself. Here because they are
 * package-private, as every feature's configuration is.
 */
@TestConfiguration
@Import({SecurityConfiguration.class, CurrentActor.class})
@EnableConfigurationProperties(JwtClaimsProperties.class)
public class WebSecurity {
}
