package nl.passend.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import nl.passend.audit.AuditAction;
import nl.passend.audit.AuditTrail;

/**
 * Retention: a referral closed longer ago than {@code passend.retention.closed-referrals} loses what identifies the
 * youth, each referral in a transaction of its own with its audit event. A recurring db-scheduler task runs it daily,
 * once across all instances; it is idempotent (an erased referral is never picked again), so a run that dies half way
 * is finished by the next.
 */
@Configuration
class Retention {

    /** The name under which the job appears in the audit trail and in db-scheduler's table. */
    static final String TASK = "passend-retention";

    private static final ZoneId REGION_TIME = ZoneId.of("Europe/Amsterdam");
    private static final Set<ReferralStatus> CLOSED = EnumSet.of(ReferralStatus.COMPLETED, ReferralStatus.WITHDRAWN,
            ReferralStatus.CANCELLED);
    private static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final ReferralRepository referrals;
    private final YouthRepository youths;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final RetentionProperties properties;
    private final Clock clock;

    Retention(ReferralRepository referrals, YouthRepository youths, AuditTrail audit, ApplicationEventPublisher events,
            TransactionTemplate transactions, RetentionProperties properties, Clock clock) {
        this.referrals = referrals;
        this.youths = youths;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> retentionTask() {
        return Tasks.recurring(TASK, Schedules.cron(properties.schedule(), REGION_TIME))
                .execute((instance, context) -> eraseDue());
    }

    /** Erases every referral that is due, and says how many. */
    int eraseDue() {
        Instant closedBefore = ZonedDateTime.now(clock.withZone(REGION_TIME)).minus(properties.closedReferrals())
                .toInstant();
        int erased = 0;
        List<Long> due;
        while (!(due = referrals.findErasable(CLOSED, closedBefore, Limit.of(BATCH))).isEmpty()) {
            for (long id : due) {
                transactions.executeWithoutResult(status -> erase(id));
                erased++;
            }
        }
        if (erased > 0) {
            LOG.info("Retention erased the youth's identity from {} referral(s) closed before {}", erased,
                    closedBefore);
        }
        return erased;
    }

    private void erase(long id) {
        Referral referral = referrals.findByIdForUpdate(id).orElseThrow();
        // Checked again under the lock: another instance may have erased it meanwhile.
        if (referral.getErasedAt() != null || !CLOSED.contains(referral.getStatus())) {
            return;
        }
        Instant now = clock.instant();
        referral.erase(now);
        referrals.eraseReasons(id);
        referrals.flush();
        Youth youth = referral.getYouth();
        // The same youth may have another referral still in use, which needs the pseudonym to be recognised.
        if (youth.getErasedAt() == null && !referrals.existsByYouth_IdAndErasedAtIsNull(youth.getId())) {
            youth.erase(now);
            youths.save(youth);
        }
        events.publishEvent(new ReferralErased(id));
        audit.recordBySystem(TASK, AuditAction.ERASE, "referral", id, referral.getOrganisationId());
    }
}
