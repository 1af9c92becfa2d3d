package nl.passend.placement;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import nl.passend.contract.Contract;
import nl.passend.offer.Offer;
import nl.passend.referral.Referral;

/** A place at an offer under a contract for one referral, and what became of it. */
@Entity
class Placement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "referral_id")
    private Referral referral;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "offer_id")
    private Offer offer;

    /** The contract it is bought under: it counts against that contract's volume and budget ceilings. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contract_id")
    private Contract contract;

    @Enumerated(EnumType.STRING)
    private PlacementStatus status;

    private Instant proposedAt;

    private String proposedBy;

    private Instant decidedAt;

    /** Coded, so that the gap report can count declines by reason (DESIGN.md, Outcome); OTHER needs the note. */
    @Enumerated(EnumType.STRING)
    private DeclineReason declineReason;

    private String declineNote;

    private LocalDate startedOn;

    /** The start plus the referral's expected days: the return home is prepared before it (AftercareProperties). */
    private LocalDate expectedEnd;

    private LocalDate endedOn;

    /** iJw JZ588 code, such as 31 "according to plan". */
    private String endReason;

    /** Every answer of the intake names it, so that two answers to one proposal cannot both count. */
    @Version
    private long version;

    protected Placement() {
    }

    Placement(Referral referral, Offer offer, Contract contract, Instant proposedAt, String proposedBy) {
        this.referral = referral;
        this.offer = offer;
        this.contract = contract;
        this.status = PlacementStatus.PROPOSED;
        this.proposedAt = proposedAt;
        this.proposedBy = proposedBy;
    }

    void accept(Instant at) {
        status = PlacementStatus.ACCEPTED;
        decidedAt = at;
    }

    void decline(Instant at, DeclineReason reason, String note) {
        status = PlacementStatus.DECLINED;
        decidedAt = at;
        declineReason = reason;
        declineNote = note;
    }

    void start(LocalDate on) {
        status = PlacementStatus.STARTED;
        startedOn = on;
        expectedEnd = on.plusDays(referral.getExpectedDurationDays());
    }

    void end(LocalDate on, String reason) {
        status = PlacementStatus.ENDED;
        endedOn = on;
        endReason = reason;
    }

    void withdraw() {
        status = PlacementStatus.WITHDRAWN;
    }

    public Long getId() {
        return id;
    }

    public Referral getReferral() {
        return referral;
    }

    public Offer getOffer() {
        return offer;
    }

    public Contract getContract() {
        return contract;
    }

    public PlacementStatus getStatus() {
        return status;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public DeclineReason getDeclineReason() {
        return declineReason;
    }

    public String getDeclineNote() {
        return declineNote;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getExpectedEnd() {
        return expectedEnd;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public String getEndReason() {
        return endReason;
    }

    public long getVersion() {
        return version;
    }
}
