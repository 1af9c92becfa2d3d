package nl.passend.report;

import java.time.Instant;

import org.springframework.lang.Nullable;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Version;

import nl.passend.matching.MatchingRunStatus;

/** A what-if scenario: changes to a copy of today's supply, and, once solved, what they change (both as JSON). */
@Entity
class Scenario {

    private static final int FAILURE_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String youthRegionCode;

    @Enumerated(EnumType.STRING)
    private MatchingRunStatus status;

    private int timeLimitSeconds;

    @Lob
    private String changes;

    private String requestedBy;

    private Instant requestedAt;

    private Instant startedAt;

    private Instant finishedAt;

    private String failure;

    @Lob
    private String result;

    @Version
    private long version;

    protected Scenario() {
    }

    Scenario(@Nullable String youthRegionCode, int timeLimitSeconds, String changes, String requestedBy,
            Instant requestedAt) {
        this.youthRegionCode = youthRegionCode;
        this.timeLimitSeconds = timeLimitSeconds;
        this.changes = changes;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = MatchingRunStatus.QUEUED;
    }

    void start(Instant at) {
        status = MatchingRunStatus.SOLVING;
        startedAt = at;
    }

    void finish(String resultJson, Instant at) {
        status = MatchingRunStatus.DONE;
        result = resultJson;
        finishedAt = at;
    }

    void fail(String reason, Instant at) {
        status = MatchingRunStatus.FAILED;
        failure = reason.length() > FAILURE_LENGTH ? reason.substring(0, FAILURE_LENGTH) : reason;
        finishedAt = at;
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

    String getChanges() {
        return changes;
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
    String getFailure() {
        return failure;
    }

    @Nullable
    String getResult() {
        return result;
    }
}
