package nl.passend.scenario;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How purchase advice is worked out.
 *
 * @param adviceTimeLimit how long purchase advice matches the region, once today and once for each candidate
 * @param adviceCandidates how many of the largest gaps purchase advice tries a purchase for
 */
@ConfigurationProperties("passend.scenarios")
record ScenarioProperties(@DefaultValue("2s") Duration adviceTimeLimit, @DefaultValue("4") int adviceCandidates) {
}
