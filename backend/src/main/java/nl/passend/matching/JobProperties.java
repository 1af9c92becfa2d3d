package nl.passend.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The solving jobs' limits across instances.
 *
 * @param maxAttempts how often a job is started (again, after its instance stopped or died) before it is FAILED
 */
@ConfigurationProperties("passend.jobs")
record JobProperties(@DefaultValue("3") int maxAttempts) {
}
