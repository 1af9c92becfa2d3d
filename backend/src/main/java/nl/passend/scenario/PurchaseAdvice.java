package nl.passend.scenario;

import java.time.Instant;

import org.springframework.lang.Nullable;

import jakarta.persistence.Entity;
import jakarta.persistence.Lob;

import nl.passend.matching.SolvingJob;

/**
 * Purchase advice for a youth region, worked out in the background; once solved, the advice as JSON. Whether euros
 * may be shown is decided when it is asked for (a purchaser's request), because the job runs with no one signed in.
 */
@Entity
class PurchaseAdvice extends SolvingJob {

    private boolean withEuros;

    /** The advice without euros, as anyone who may read it sees it. */
    @Lob
    private String result;

    /** The advice with euros; only for advice a purchaser asked for. */
    @Lob
    private String resultWithEuros;

    protected PurchaseAdvice() {
    }

    PurchaseAdvice(String youthRegionCode, boolean withEuros, int timeLimitSeconds, String requestedBy,
            Instant requestedAt) {
        super(youthRegionCode, timeLimitSeconds, requestedBy, requestedAt);
        this.withEuros = withEuros;
    }

    void finish(String resultJson, @Nullable String resultWithEurosJson, Instant at) {
        result = resultJson;
        resultWithEuros = withEuros ? resultWithEurosJson : null;
        done(at);
    }

    boolean isWithEuros() {
        return withEuros;
    }

    @Nullable
    String getResult() {
        return result;
    }

    @Nullable
    String getResultWithEuros() {
        return resultWithEuros;
    }
}
