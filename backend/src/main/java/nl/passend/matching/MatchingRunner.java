package nl.passend.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.passend.referral.Urgency;
import nl.passend.solver.Explainer;
import nl.passend.solver.MatchingEngine;
import nl.passend.solver.MatchingSolution;
import nl.passend.solver.Referral;
import nl.passend.solver.UnmetDemand;
import nl.passend.solver.UnmetDemandReason;

/**
 * Solves queued runs in the background, at most {@code passend.matching.parallel-runs} at once, and stores what each
 * found. A run that was queued or solving when the application stopped is FAILED when it starts again; one that the
 * application stops while it solves is FAILED at once, never half stored.
 */
@Component
public class MatchingRunner implements SmartLifecycle {

    /** A run that finds better scores often writes its progress at most this often. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);
    static final String INTERRUPTED = "The application stopped before the run finished; start a new run.";
    static final String FAILED = "The run failed on the server; start a new run, and tell the administrator if this "
            + "happens again.";

    /** The lifecycle phase of the runners: well before the web server's. */
    public static final int SOLVING_PHASE = DEFAULT_PHASE - 4096;

    private static final Logger LOG = LoggerFactory.getLogger(MatchingRunner.class);

    /** Announced once a run is committed as QUEUED. */
    record Queued(long runId) {
    }

    private final MatchingRunRepository runs;
    private final MatchingOutcomeRepository outcomes;
    private final MatchingFacts facts;
    private final MatchingProperties properties;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final MatchingEngine engine = new MatchingEngine();

    private volatile ExecutorService executor;

    MatchingRunner(MatchingRunRepository runs, MatchingOutcomeRepository outcomes, MatchingFacts facts,
            MatchingProperties properties, TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.runs = runs;
        this.outcomes = outcomes;
        this.facts = facts;
        this.properties = properties;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void start() {
        Integer interrupted = transactions.execute(status -> runs.failInterrupted(INTERRUPTED, clock.instant()));
        if (interrupted != null && interrupted > 0) {
            LOG.warn("Marked {} matching run(s) that a stop interrupted as FAILED", interrupted);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(properties.parallelRuns(), task -> {
            Thread thread = new Thread(task, "matching-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void stop() {
        ExecutorService stopping = executor;
        executor = null;
        // Interrupting a solver makes it stop early; seeing no executor, the run is then marked FAILED, not DONE
        // with a half answer.
        stopping.shutdownNow();
        try {
            stopping.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Before the web server starts and after it stops, so that no request finds the executor missing. */
    @Override
    public int getPhase() {
        return SOLVING_PHASE;
    }

    /**
     * Runs other solving work, such as a scenario, on the same executor, so that {@code parallel-runs} bounds all
     * of it; refused while the application stops.
     *
     * @return whether the task was taken
     */
    public boolean execute(Runnable task) {
        ExecutorService running = executor;
        if (running == null) {
            return false;
        }
        running.execute(task);
        return true;
    }

    /**
     * Solves facts that a what-if has changed with the engine of the runs, on the caller's thread, storing nothing:
     * scenarios and purchase advice answer from the same rules and score as the runs they are compared with.
     */
    public MatchingSolution solve(MatchingFacts.Facts changed, Duration limit) {
        return engine.solve(changed.problem(), limit, best -> { });
    }

    /** Solves a run once the request that queued it has committed; while stopping, the next start fails it. */
    @TransactionalEventListener
    void queued(Queued queued) {
        execute(() -> solve(queued.runId()));
    }

    private void solve(long runId) {
        try {
            Instant started = clock.instant();
            MatchingRun run = update(runId, queued -> queued.start(started));
            MatchingFacts.Facts snapshot = facts.load(run.getYouthRegionCode());
            long[] lastWritten = {0};
            MatchingSolution solved = engine.solve(snapshot.problem(), Duration.ofSeconds(run.getTimeLimitSeconds()),
                    best -> {
                        long elapsed = Duration.between(started, clock.instant()).toMillis();
                        if (elapsed - lastWritten[0] >= PROGRESS_INTERVAL.toMillis()) {
                            lastWritten[0] = elapsed;
                            update(runId, solving -> solving.progress(best, elapsed));
                        }
                    });
            if (!isRunning()) {
                update(runId, solving -> solving.fail(INTERRUPTED, clock.instant()));
                return;
            }
            List<MatchingOutcome> found = outcomes(runId, solved, snapshot);
            HardMediumSoftLongScore score = solved.getScore();
            long elapsed = Duration.between(started, clock.instant()).toMillis();
            transactions.executeWithoutResult(status -> {
                outcomes.saveAll(found);
                runs.findById(runId).orElseThrow().finish(score, solved.getBound(), elapsed, clock.instant());
            });
            LOG.info("Matching run {} is DONE with score {} after {} ms", runId, score, elapsed);
        } catch (RuntimeException | Error e) {
            // The cause goes to the log; the run says no more than that it failed, never a class name or SQL.
            LOG.error("Matching run {} failed", runId, e);
            update(runId, failed -> failed.fail(FAILED, clock.instant()));
        }
    }

    private List<MatchingOutcome> outcomes(long runId, MatchingSolution solved, MatchingFacts.Facts snapshot) {
        Explainer explainer = new Explainer(solved, snapshot.municipalityNames());
        Map<Long, UnmetDemandReason> unmet = UnmetDemand.classify(solved);
        List<MatchingOutcome> found = new ArrayList<>();
        for (Referral referral : solved.getReferrals()) {
            if (referral.isPinned()) {
                continue;
            }
            MatchingOutcome outcome = new MatchingOutcome(runId, referral.getId(),
                    Urgency.valueOf(referral.getUrgency().name()),
                    snapshot.youthRegionByReferral().get(referral.getId()), referral.getCareType(),
                    referral.getMinSecurityLevel(), referral.getDaysWaiting(),
                    toJson(explainer.explain(referral.getId()).orElseThrow()));
            if (referral.getOffer() == null) {
                outcome.leaveUnplaced(unmet.get(referral.getId()));
            } else {
                long offerId = referral.getOffer().id();
                long contractId = referral.getContract().id();
                outcome.assign(offerId, snapshot.offerVersions().get(offerId), contractId,
                        snapshot.contractVersions().get(contractId));
            }
            found.add(outcome);
        }
        return found;
    }

    private MatchingRun update(long runId, Consumer<MatchingRun> change) {
        return transactions.execute(status -> {
            MatchingRun run = runs.findById(runId).orElseThrow();
            change.accept(run);
            return run;
        });
    }

    private String toJson(Object explanation) {
        try {
            return json.writeValueAsString(explanation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
