package nl.passend.matching;

import java.time.Instant;

import org.springframework.lang.Nullable;

import jakarta.persistence.Entity;

import nl.passend.shared.VersionedEntity;

/**
 * A planner's recurring matching: at each occurrence of the cron expression, in Europe/Amsterdam, a run over the scope
 * is started, on behalf of the organisation of the planner who made it.
 */
@Entity
class MatchingSchedule extends VersionedEntity {

    /** {@code null} for all regions. */
    @Nullable
    private String youthRegionCode;

    private String cron;

    private int timeLimitSeconds;

    private boolean applyWhenDone;

    @Nullable
    private Long lastRunId;

    private long organisationId;

    private String createdBy;

    private Instant createdAt;

    protected MatchingSchedule() {
    }

    MatchingSchedule(long organisationId, String createdBy, Instant createdAt) {
        this.organisationId = organisationId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void describe(@Nullable String youthRegionCode, String cron, int timeLimitSeconds, boolean applyWhenDone) {
        this.youthRegionCode = youthRegionCode;
        this.cron = cron;
        this.timeLimitSeconds = timeLimitSeconds;
        this.applyWhenDone = applyWhenDone;
    }

    void started(long runId) {
        lastRunId = runId;
    }

    @Nullable
    public String getYouthRegionCode() {
        return youthRegionCode;
    }

    public String getCron() {
        return cron;
    }

    public int getTimeLimitSeconds() {
        return timeLimitSeconds;
    }

    public boolean isApplyWhenDone() {
        return applyWhenDone;
    }

    @Nullable
    public Long getLastRunId() {
        return lastRunId;
    }

    public long getOrganisationId() {
        return organisationId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
