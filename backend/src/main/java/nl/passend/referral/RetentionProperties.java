package nl.passend.referral;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long what identifies a youth is kept once the referral is closed (AVG: no longer than needed), and when the
 * daily job that erases it runs.
 *
 * @param closedReferrals how long after its last status change a closed referral keeps the youth's identity
 * @param schedule when the job runs, a cron expression in Europe/Amsterdam
 */
@ConfigurationProperties("passend.retention")
record RetentionProperties(@DefaultValue("2y") Period closedReferrals, @DefaultValue("0 30 2 * * *") String schedule) {
}
