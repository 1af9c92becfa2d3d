package nl.passend.matching;

import java.time.Instant;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.springframework.lang.Nullable;

import jakarta.persistence.Entity;
import nl.passend.solver.ScoreBound;

/** One run of the matching engine over the open referrals of a youth region, or of all regions. */
@Entity
class MatchingRun extends SolvingJob {

    private Long elapsedMillis;

    private Long hardScore;

    private Long mediumScore;

    private Long softScore;

    /** {@code null} until done, and for runs done before the engine proved bounds. */
    private Boolean provenOptimal;

    /** No answer has a higher medium score; {@code null} when none was found. */
    private Long mediumBound;

    /** No answer with the best medium score has a higher soft score; {@code null} when not known. */
    private Long softBound;

    private Instant appliedAt;

    /** The schedule that started it, {@code null} for a run a planner started. */
    @Nullable
    private Long scheduleId;

    private String appliedBy;

    protected MatchingRun() {
    }

    MatchingRun(@Nullable String youthRegionCode, int timeLimitSeconds, String requestedBy, Instant requestedAt) {
        super(youthRegionCode, timeLimitSeconds, requestedBy, requestedAt);
    }

    /** Whether this run and one over the given region (or all, for {@code null}) would match the same referrals. */
    boolean overlaps(@Nullable String otherRegion) {
        return getYouthRegionCode() == null || otherRegion == null || getYouthRegionCode().equals(otherRegion);
    }

    @Override
    public void start(Instant at) {
        super.start(at);
        elapsedMillis = 0L;
    }

    void progress(HardMediumSoftLongScore best, long elapsed) {
        hardScore = best.hardScore();
        mediumScore = best.mediumScore();
        softScore = best.softScore();
        elapsedMillis = elapsed;
    }

    void finish(HardMediumSoftLongScore best, ScoreBound bound, long elapsed, Instant at) {
        progress(best, elapsed);
        provenOptimal = bound.provenOptimal();
        mediumBound = bound.medium();
        softBound = bound.soft();
        done(at);
    }

    /** How far the answer may be from the optimum; {@code null} until done, or for runs from before bounds. */
    @Nullable
    ScoreBound getBound() {
        return provenOptimal == null ? null : new ScoreBound(mediumBound, softBound, provenOptimal);
    }

    void startedBy(MatchingSchedule schedule) {
        scheduleId = schedule.getId();
    }

    @Nullable
    Long getScheduleId() {
        return scheduleId;
    }

    void applied(String by, Instant at) {
        appliedBy = by;
        appliedAt = at;
    }

    @Nullable
    Long getElapsedMillis() {
        return elapsedMillis;
    }

    @Nullable
    Long getHardScore() {
        return hardScore;
    }

    @Nullable
    Long getMediumScore() {
        return mediumScore;
    }

    @Nullable
    Long getSoftScore() {
        return softScore;
    }

    @Nullable
    Instant getAppliedAt() {
        return appliedAt;
    }

    @Nullable
    String getAppliedBy() {
        return appliedBy;
    }
}
