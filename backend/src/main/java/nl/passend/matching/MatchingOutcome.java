package nl.passend.matching;

import java.io.Serializable;

import org.springframework.lang.Nullable;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;

import nl.passend.referral.Urgency;
import nl.passend.solver.UnmetDemandReason;

/**
 * What a run found for one open referral: the offer and contract it assigns, with the versions they had, or the
 * reason it left the referral without a place; and the explanation, as phrases to be worded for its reader. The referral's needs are kept as
 * aggregates for gap reports (region, care type, security level, days waiting), never who the youth is.
 */
@Entity
@IdClass(MatchingOutcome.Key.class)
class MatchingOutcome {

    record Key(Long runId, Long referralId) implements Serializable {
    }

    @Id
    private Long runId;

    @Id
    private Long referralId;

    @Enumerated(EnumType.STRING)
    private Urgency urgency;

    private String youthRegionCode;

    private String careTypeCode;

    private int minSecurityLevel;

    private int daysWaiting;

    private Long offerId;

    private Long offerVersion;

    private Long contractId;

    private Long contractVersion;

    @Enumerated(EnumType.STRING)
    private UnmetDemandReason unmetReason;

    /** The solver's explanation as JSON, in a format of {@link StoredExplanations}. */
    @Lob
    private String explanation;

    private int explanationFormat;

    protected MatchingOutcome() {
    }

    MatchingOutcome(long runId, long referralId, Urgency urgency, String youthRegionCode, String careTypeCode,
            int minSecurityLevel, int daysWaiting, String explanation) {
        this.runId = runId;
        this.referralId = referralId;
        this.urgency = urgency;
        this.youthRegionCode = youthRegionCode;
        this.careTypeCode = careTypeCode;
        this.minSecurityLevel = minSecurityLevel;
        this.daysWaiting = daysWaiting;
        this.explanation = explanation;
        this.explanationFormat = StoredExplanations.PHRASES;
    }

    void assign(long offerId, long offerVersion, long contractId, long contractVersion) {
        this.offerId = offerId;
        this.offerVersion = offerVersion;
        this.contractId = contractId;
        this.contractVersion = contractVersion;
    }

    void leaveUnplaced(UnmetDemandReason reason) {
        this.unmetReason = reason;
    }

    Long getRunId() {
        return runId;
    }

    Long getReferralId() {
        return referralId;
    }

    Urgency getUrgency() {
        return urgency;
    }

    int getDaysWaiting() {
        return daysWaiting;
    }

    @Nullable
    Long getOfferId() {
        return offerId;
    }

    @Nullable
    Long getOfferVersion() {
        return offerVersion;
    }

    @Nullable
    Long getContractId() {
        return contractId;
    }

    @Nullable
    Long getContractVersion() {
        return contractVersion;
    }

    String getExplanation() {
        return explanation;
    }

    int getExplanationFormat() {
        return explanationFormat;
    }
}
