package nl.passend.matching;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * The one lifecycle of every solving job (matching runs, scenarios, purchase advice): each is an execution in
 * db-scheduler's table, which any instance may pick up, at most {@code db-scheduler.threads} at once per instance.
 * An instance that dies stops heartbeating its executions; another then revives them and solves the job again from
 * the facts, up to {@code passend.jobs.max-attempts} tries, after which the job is FAILED with a plain reason. A job
 * is DONE or FAILED once: an answer is stored only while the job is still SOLVING in the attempt that found it, so a
 * terminal status never changes and nothing is stored twice.
 */
@Component
public class SolvingJobs {

    static final String GAVE_UP = "The run was interrupted %d times (an instance stopped or failed while solving it); "
            + "start a new one, and tell the administrator if this happens again.";
    static final String FAILED = "Solving failed on the server; start again, and tell the administrator if this "
            + "happens again.";

    /** How soon an execution that an instance gave back on a graceful stop is retried, on any instance. */
    private static final Duration GIVEN_BACK = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(SolvingJobs.class);

    /**
     * What one kind of job does; the lifecycle around it is the same for all.
     *
     * @param <J> the kind's job
     */
    public interface Kind<J extends SolvingJob> {

        /** The name of its db-scheduler task, in metrics and logs too. */
        String name();

        Class<J> type();

        /**
         * Solves the job from today's facts, outside any transaction; {@code progress} writes an intermediate result
         * while the job is still this attempt's. The returned step stores the answer, in the transaction that marks
         * the job DONE.
         */
        Consumer<J> solve(J job, Consumer<Consumer<J>> progress);

        /** What follows once the job is DONE, in transactions of its own; the job stays DONE whatever happens. */
        default void afterDone(J job) {
        }
    }

    private final EntityManager entities;
    private final TransactionTemplate transactions;
    private final ObjectProvider<Scheduler> scheduler;
    private final JobProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    SolvingJobs(EntityManager entities, TransactionTemplate transactions, ObjectProvider<Scheduler> scheduler,
            JobProperties properties, MeterRegistry meters, Clock clock) {
        this.entities = entities;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** The db-scheduler task that solves jobs of this kind; each kind declares it as a bean. */
    public <J extends SolvingJob> OneTimeTask<Void> task(Kind<J> kind) {
        return Tasks.oneTime(kind.name())
                // Thrown only when the instance stops in the middle: the job goes back to the queue at once.
                .onFailure(new FailureHandler.OnFailureRetryLater<>(GIVEN_BACK))
                .execute((instance, context) -> solve(kind, Long.parseLong(instance.getId()), context));
    }

    /**
     * Queues the job of this kind (its task's name), in the caller's transaction: if that rolls back, nothing is
     * queued (db-scheduler writes through the transaction-aware data source). Once it commits, this instance looks
     * for due work at once instead of at its next poll.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(String kind, long id) {
        Scheduler jobs = scheduler.getObject();
        jobs.scheduleIfNotExists(new TaskInstance<Void>(kind, String.valueOf(id)), clock.instant());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                jobs.triggerCheckForDueExecutions();
            }
        });
    }

    private <J extends SolvingJob> void solve(Kind<J> kind, long id, ExecutionContext context) {
        J job = transactions.execute(status -> start(kind, id));
        if (job == null) {
            return;
        }
        int attempt = job.getAttempts();
        if (attempt > 1) {
            meters.counter("passend.jobs.takeovers", "kind", kind.name()).increment();
            LOG.warn("{} {} is solved again, attempt {}", kind.name(), id, attempt);
        }
        Timer.Sample solving = Timer.start(meters);
        try {
            Consumer<J> answer = kind.solve(job, change -> update(kind, id, attempt, change));
            if (context.getSchedulerState().isShuttingDown()) {
                giveBack(kind, id, attempt);
                return;
            }
            boolean stored = update(kind, id, attempt, answer);
            solving.stop(meters.timer("passend.jobs.solve.time", "kind", kind.name()));
            LOG.info("{} {} is {}", kind.name(), id,
                    stored ? "DONE" : "no longer this attempt's; its answer is dropped");
            if (stored) {
                afterDone(kind, id);
            }
        } catch (RuntimeException | Error e) {
            if (context.getSchedulerState().isShuttingDown()) {
                giveBack(kind, id, attempt);
                return;
            }
            // The cause goes to the log; the job says no more than that it failed, never a class name or SQL.
            LOG.error("{} {} failed", kind.name(), id, e);
            update(kind, id, attempt, failed -> failed.fail(FAILED, clock.instant()));
        }
    }

    private <J extends SolvingJob> void afterDone(Kind<J> kind, long id) {
        try {
            kind.afterDone(entities.find(kind.type(), id));
        } catch (RuntimeException e) {
            LOG.error("{} {} is DONE, but what follows failed", kind.name(), id, e);
        }
    }

    /** Marks the job SOLVING for one more attempt, or FAILED after the last; {@code null} if it is not to be solved. */
    private <J extends SolvingJob> J start(Kind<J> kind, long id) {
        J job = entities.find(kind.type(), id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.isFinished()) {
            return null;
        }
        if (job.getAttempts() >= properties.maxAttempts()) {
            job.fail(GAVE_UP.formatted(job.getAttempts()), clock.instant());
            return null;
        }
        job.start(clock.instant());
        return job;
    }

    /** Applies the change if the job is still SOLVING in this attempt, in a transaction of its own. */
    private <J extends SolvingJob> boolean update(Kind<J> kind, long id, int attempt, Consumer<J> change) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            J job = entities.find(kind.type(), id, LockModeType.PESSIMISTIC_WRITE);
            if (job == null || !job.isSolvingAttempt(attempt)) {
                return false;
            }
            change.accept(job);
            return true;
        }));
    }

    /**
     * The instance stops while solving: the job waits as QUEUED for any instance, and the exception makes
     * db-scheduler retry the execution at once (the failure handler), where another instance may pick it up.
     */
    private <J extends SolvingJob> void giveBack(Kind<J> kind, long id, int attempt) {
        update(kind, id, attempt, SolvingJob::requeue);
        LOG.info("{} {} is given back to the queue: this instance stops", kind.name(), id);
        throw new IllegalStateException("The instance stopped while solving " + kind.name() + " " + id);
    }
}
