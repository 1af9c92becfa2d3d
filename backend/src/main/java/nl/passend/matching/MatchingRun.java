package nl.passend.matching;

import java.time.Instant;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.springframework.lang.Nullable;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One run of the matching engine over the open referrals of a youth region, or of all regions. */
@Entity
class MatchingRun {

    /** The longest a failure reason is kept. */
    private static final int FAILURE_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** {@code null} for a run over all regions. */
    private String youthRegionCode;

    @Enumerated(EnumType.STRING)
    private MatchingRunStatus status;

    private int timeLimitSeconds;

    private String requestedBy;

    private Instant requestedAt;

    private Instant startedAt;

    private Instant finishedAt;

    private Long elapsedMillis;

    private Long hardScore;

    private Long mediumScore;

    private Long softScore;

    private String failure;

    private Instant appliedAt;

    private String appliedBy;

    @Version
    private long version;

    protected MatchingRun() {
    }

    MatchingRun(@Nullable String youthRegionCode, int timeLimitSeconds, String requestedBy, Instant requestedAt) {
        this.youthRegionCode = youthRegionCode;
        this.timeLimitSeconds = timeLimitSeconds;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = MatchingRunStatus.QUEUED;
    }

    /** Whether this run and one over the given region (or all, for {@code null}) would match the same referrals. */
    boolean overlaps(@Nullable String otherRegion) {
        return youthRegionCode == null || otherRegion == null || youthRegionCode.equals(otherRegion);
    }

    void start(Instant at) {
        status = MatchingRunStatus.SOLVING;
        startedAt = at;
        elapsedMillis = 0L;
    }

    void progress(HardMediumSoftLongScore best, long elapsed) {
        score(best);
        elapsedMillis = elapsed;
    }

    void finish(HardMediumSoftLongScore best, long elapsed, Instant at) {
        progress(best, elapsed);
        status = MatchingRunStatus.DONE;
        finishedAt = at;
    }

    void fail(String reason, Instant at) {
        status = MatchingRunStatus.FAILED;
        failure = reason.length() > FAILURE_LENGTH ? reason.substring(0, FAILURE_LENGTH) : reason;
        finishedAt = at;
    }

    void applied(String by, Instant at) {
        appliedBy = by;
        appliedAt = at;
    }

    private void score(HardMediumSoftLongScore best) {
        hardScore = best.hardScore();
        mediumScore = best.mediumScore();
        softScore = best.softScore();
    }

    Long getId() {
        return id;
    }

    @Nullable
    String getYouthRegionCode() {
        return youthRegionCode;
    }

    MatchingRunStatus getStatus() {
        return status;
    }

    int getTimeLimitSeconds() {
        return timeLimitSeconds;
    }

    String getRequestedBy() {
        return requestedBy;
    }

    Instant getRequestedAt() {
        return requestedAt;
    }

    @Nullable
    Instant getStartedAt() {
        return startedAt;
    }

    @Nullable
    Instant getFinishedAt() {
        return finishedAt;
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
    String getFailure() {
        return failure;
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
