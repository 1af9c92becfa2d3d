package nl.passend.matching;

import java.time.Instant;

import org.springframework.lang.Nullable;

import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What a matching run, a scenario and purchase advice share: solved in the background over one youth region or all, QUEUED →
 * SOLVING → DONE | FAILED, with who asked for it and when.
 */
@MappedSuperclass
public abstract class SolvingJob {

    /** The longest a failure reason is kept. */
    private static final int FAILURE_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** {@code null} for all regions. */
    private String youthRegionCode;

    @Enumerated(EnumType.STRING)
    private MatchingRunStatus status;

    private int timeLimitSeconds;

    private String requestedBy;

    private Instant requestedAt;

    private Instant startedAt;

    private Instant finishedAt;

    private String failure;

    /** How often an instance started solving it: more than once after a takeover. */
    private int attempts;

    @Version
    private long version;

    protected SolvingJob() {
    }

    protected SolvingJob(@Nullable String youthRegionCode, int timeLimitSeconds, String requestedBy,
            Instant requestedAt) {
        this.youthRegionCode = youthRegionCode;
        this.timeLimitSeconds = timeLimitSeconds;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = MatchingRunStatus.QUEUED;
    }

    public void start(Instant at) {
        status = MatchingRunStatus.SOLVING;
        startedAt = at;
        attempts++;
    }

    /** Back to the queue, for any instance: the one solving it stopped. */
    void requeue() {
        status = MatchingRunStatus.QUEUED;
    }

    boolean isFinished() {
        return status == MatchingRunStatus.DONE || status == MatchingRunStatus.FAILED;
    }

    /** Whether it is still being solved in this attempt: a later attempt, or an end, makes an older answer void. */
    boolean isSolvingAttempt(int attempt) {
        return status == MatchingRunStatus.SOLVING && attempts == attempt;
    }

    public void fail(String reason, Instant at) {
        status = MatchingRunStatus.FAILED;
        failure = reason.length() > FAILURE_LENGTH ? reason.substring(0, FAILURE_LENGTH) : reason;
        finishedAt = at;
    }

    protected void done(Instant at) {
        status = MatchingRunStatus.DONE;
        finishedAt = at;
    }

    public Long getId() {
        return id;
    }

    @Nullable
    public String getYouthRegionCode() {
        return youthRegionCode;
    }

    public MatchingRunStatus getStatus() {
        return status;
    }

    public int getTimeLimitSeconds() {
        return timeLimitSeconds;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    @Nullable
    public Instant getStartedAt() {
        return startedAt;
    }

    @Nullable
    public Instant getFinishedAt() {
        return finishedAt;
    }

    public int getAttempts() {
        return attempts;
    }

    @Nullable
    public String getFailure() {
        return failure;
    }
}
