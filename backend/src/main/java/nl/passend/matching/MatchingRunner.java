package nl.passend.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import nl.passend.referral.Urgency;
import nl.passend.solver.Explainer;
import nl.passend.solver.MatchingEngine;
import nl.passend.solver.MatchingSolution;
import nl.passend.solver.Referral;
import nl.passend.solver.UnmetDemand;
import nl.passend.solver.UnmetDemandReason;

/**
 * Solves a matching run as a job of {@link SolvingJobs}: the open referrals of its scope on today's facts, within its
 * time limit, its progress written about every second, and its assignments with their explanations stored with the
 * score in the transaction that marks it DONE.
 */
@Component
public class MatchingRunner implements SolvingJobs.Kind<MatchingRun> {

    /** Its db-scheduler task. */
    static final String TASK = "matching-run";

    /** A run that finds better scores often writes its progress at most this often. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

    private final MatchingOutcomeRepository outcomes;
    private final MatchingFacts facts;
    private final MatchingScheduleService schedules;
    private final StoredExplanations explanations;
    private final Clock clock;
    private final MatchingEngine engine = new MatchingEngine();

    MatchingRunner(MatchingOutcomeRepository outcomes, MatchingFacts facts, MatchingScheduleService schedules,
            StoredExplanations explanations, Clock clock) {
        this.outcomes = outcomes;
        this.facts = facts;
        this.schedules = schedules;
        this.explanations = explanations;
        this.clock = clock;
    }

    @Bean
    OneTimeTask<Void> matchingRunTask(SolvingJobs jobs) {
        return jobs.task(this);
    }

    @Override
    public String name() {
        return TASK;
    }

    @Override
    public Class<MatchingRun> type() {
        return MatchingRun.class;
    }

    /**
     * Solves facts that a what-if has changed with the engine of the runs, on the caller's thread, storing nothing:
     * scenarios and purchase advice answer from the same rules and score as the runs they are compared with.
     */
    public MatchingSolution solve(MatchingFacts.Facts changed, Duration limit) {
        return engine.solve(changed.problem(), limit, best -> { });
    }

    @Override
    public Consumer<MatchingRun> solve(MatchingRun run, Consumer<Consumer<MatchingRun>> progress) {
        Instant started = clock.instant();
        MatchingFacts.Facts snapshot = facts.load(run.getYouthRegionCode());
        long[] lastWritten = {0};
        MatchingSolution solved = engine.solve(snapshot.problem(), Duration.ofSeconds(run.getTimeLimitSeconds()),
                best -> {
                    long elapsed = Duration.between(started, clock.instant()).toMillis();
                    if (elapsed - lastWritten[0] >= PROGRESS_INTERVAL.toMillis()) {
                        lastWritten[0] = elapsed;
                        progress.accept(solving -> solving.progress(best, elapsed));
                    }
                });
        List<MatchingOutcome> found = outcomes(run.getId(), solved, snapshot);
        HardMediumSoftLongScore score = solved.getScore();
        long elapsed = Duration.between(started, clock.instant()).toMillis();
        return done -> {
            outcomes.saveAll(found);
            done.finish(score, solved.getBound(), elapsed, clock.instant());
        };
    }

    /** A run that a schedule started is applied at once if the schedule says so. */
    @Override
    public void afterDone(MatchingRun run) {
        schedules.applyIfAsked(run);
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
                    explanations.write(explainer.explain(referral.getId()).orElseThrow()));
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
}
