package nl.passend;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The Passend application: the shared registry, referrals and matching of forensic youth care. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PassendApplication {

    public static void main(String[] args) {
        SpringApplication.run(PassendApplication.class, args);
    }

    /** The one clock of the application, so that tests can fix "now". */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
