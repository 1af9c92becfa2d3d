package nl.passend.offer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the region treats reported capacity.
 *
 * @param staleAfter how old a capacity report may be before the offer is flagged as stale
 */
@ConfigurationProperties("passend.capacity")
record CapacityProperties(@DefaultValue("14d") Duration staleAfter) {
}
