package nl.passend.scenario;

import java.time.Instant;

import org.springframework.lang.Nullable;

import jakarta.persistence.Entity;
import jakarta.persistence.Lob;

import nl.passend.matching.SolvingJob;

/** A what-if scenario: changes to a copy of today's supply, and, once solved, what they change (both as JSON). */
@Entity
class Scenario extends SolvingJob {

    @Lob
    private String changes;

    @Lob
    private String result;

    protected Scenario() {
    }

    Scenario(@Nullable String youthRegionCode, int timeLimitSeconds, String changes, String requestedBy,
            Instant requestedAt) {
        super(youthRegionCode, timeLimitSeconds, requestedBy, requestedAt);
        this.changes = changes;
    }

    void finish(String resultJson, Instant at) {
        result = resultJson;
        done(at);
    }

    String getChanges() {
        return changes;
    }

    @Nullable
    String getResult() {
        return result;
    }
}
