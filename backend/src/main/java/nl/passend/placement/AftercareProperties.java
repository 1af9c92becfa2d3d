package nl.passend.placement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the return home must be prepared.
 *
 * @param leadDays how many days before a placement's expected end it needs an aftercare plan; 42 is the six weeks
 *        of JOURNEYS.md
 */
@ConfigurationProperties("passend.aftercare")
record AftercareProperties(@DefaultValue("42") int leadDays) {
}
