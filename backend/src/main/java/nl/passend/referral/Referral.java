package nl.passend.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import nl.passend.reference.CareType;
import nl.passend.reference.Municipality;
import nl.passend.reference.SecurityLevel;
import nl.passend.reference.Specialism;
import nl.passend.solver.Demand;

/** A request of a justice partner for forensic care for a youth, with what the youth needs and may not have. */
@Entity
public class Referral {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "youth_id")
    private Youth youth;

    /**
     * The referring organisation: only its probation officers see the referral. An id, not a relation: the referral
     * feature may not depend on the organisation feature (ArchitectureTests).
     */
    private long organisationId;

    private String referringOfficer;

    @Enumerated(EnumType.STRING)
    private LegalFramework legalFramework;

    /** The iJw JZ020 product category referred for (reference/ijw-codes.md), such as 43 verblijf incl. behandeling. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "care_type_code")
    private CareType careType;

    /** The least restrictive level that will do; a higher one fits too, at a cost in matching (DESIGN.md). */
    private SecurityLevel minSecurityLevel;

    /** An offer must have every one of them (DESIGN.md, Matching). */
    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "referral_specialism", joinColumns = @JoinColumn(name = "referral_id"),
            inverseJoinColumns = @JoinColumn(name = "specialism_code"))
    private Set<Specialism> requiredSpecialisms = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    private Urgency urgency;

    /** The day an offer's ages and a contract's validity are judged on (DESIGN.md, Matching). */
    private LocalDate requestedStart;

    /** Prices the stay: daily tariff × these days counts against the contract's budget (DESIGN.md, Matching). */
    private int expectedDurationDays;

    /** Where the youth may not be placed, such as where the victim lives (DESIGN.md, Demand; JOURNEYS.md). */
    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "referral_excluded_municipality", joinColumns = @JoinColumn(name = "referral_id"),
            inverseJoinColumns = @JoinColumn(name = "municipality_code"))
    private Set<Municipality> excludedMunicipalities = new LinkedHashSet<>();

    /** Referrals with the same key are never placed at one location (DESIGN.md, Matching: a hard constraint). */
    private String coDefendantGroup;

    /** Need-to-know: a provider sees it only once it has accepted the youth. */
    private String contextNote;

    @Enumerated(EnumType.STRING)
    private ReferralStatus status;

    /** Days waiting, which weigh a referral left without a place in matching, count from here (DESIGN.md). */
    private Instant createdAt;

    /** Unique per organisation, so that a retry after a network error makes no second referral (JOURNEYS.md). */
    private String idempotencyKey;

    /** A hash of the request that created it, to tell a retry from another request with the same key. */
    private String requestHash;

    @OneToMany(mappedBy = "referral", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<ReferralStatusChange> history = new ArrayList<>();

    /** When retention erased what identifies the youth; {@code null} while it is kept. */
    private Instant erasedAt;

    @Version
    private long version;

    protected Referral() {
    }

    Referral(Youth youth, long organisationId, String referringOfficer, Instant createdAt) {
        this.youth = youth;
        this.organisationId = organisationId;
        this.referringOfficer = referringOfficer;
        this.createdAt = createdAt;
    }

    void describeNeeds(LegalFramework legalFramework, CareType careType, SecurityLevel minSecurityLevel,
            Set<Specialism> requiredSpecialisms, Urgency urgency, LocalDate requestedStart, int expectedDurationDays,
            Set<Municipality> excludedMunicipalities, String coDefendantGroup, String contextNote) {
        this.legalFramework = legalFramework;
        this.careType = careType;
        this.minSecurityLevel = minSecurityLevel;
        this.requiredSpecialisms.addAll(requiredSpecialisms);
        this.urgency = urgency;
        this.requestedStart = requestedStart;
        this.expectedDurationDays = expectedDurationDays;
        this.excludedMunicipalities.addAll(excludedMunicipalities);
        this.coDefendantGroup = coDefendantGroup;
        this.contextNote = contextNote;
    }

    void rememberRequest(String idempotencyKey, String requestHash) {
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
    }

    /** Moves to a status and records the step in the history. */
    void moveTo(ReferralStatus next, Instant at, String by, String reason) {
        status = next;
        history.add(new ReferralStatusChange(this, next, at, by, reason));
    }

    /**
     * Forgets what could identify the youth once the referral has been closed longer than the retention term: the
     * context note, the co-defendant key that links it to other youths, and the hash of the request that held the
     * pseudonym (the free-text reasons of its immutable history go by {@link ReferralRepository#eraseReasons}). What
     * matching and the reports count stays.
     */
    void erase(Instant at) {
        contextNote = null;
        coDefendantGroup = null;
        requestHash = null;
        erasedAt = at;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    public Long getId() {
        return id;
    }

    public Youth getYouth() {
        return youth;
    }

    public long getOrganisationId() {
        return organisationId;
    }

    public String getReferringOfficer() {
        return referringOfficer;
    }

    public LegalFramework getLegalFramework() {
        return legalFramework;
    }

    public CareType getCareType() {
        return careType;
    }

    public SecurityLevel getMinSecurityLevel() {
        return minSecurityLevel;
    }

    public Set<Specialism> getRequiredSpecialisms() {
        return requiredSpecialisms;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public LocalDate getRequestedStart() {
        return requestedStart;
    }

    public int getExpectedDurationDays() {
        return expectedDurationDays;
    }

    public Set<Municipality> getExcludedMunicipalities() {
        return excludedMunicipalities;
    }

    public String getCoDefendantGroup() {
        return coDefendantGroup;
    }

    public String getContextNote() {
        return contextNote;
    }

    public ReferralStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    String getRequestHash() {
        return requestHash;
    }

    List<ReferralStatusChange> getHistory() {
        return history;
    }

    public long getVersion() {
        return version;
    }

    /**
     * What matching knows of this referral on the given day: its needs and where the youth lives, never who the
     * youth is. The one translation of a referral, so that matching and the placement service judge the same facts.
     */
    public Demand demand(LocalDate today) {
        Municipality home = youth.getHomeMunicipality();
        LocalDate referred = createdAt.atZone(ZoneOffset.UTC).toLocalDate();
        int daysWaiting = (int) Math.max(0, ChronoUnit.DAYS.between(referred, today));
        return new Demand(id, nl.passend.solver.Urgency.valueOf(urgency.name()), daysWaiting, careType.getCode(),
                minSecurityLevel.level(), youth.ageOn(requestedStart), youth.getGender().name(),
                Specialism.codes(requiredSpecialisms), home.getCode(), home.getLatitude().doubleValue(),
                home.getLongitude().doubleValue(),
                excludedMunicipalities.stream().map(Municipality::getCode).collect(Collectors.toSet()),
                requestedStart, expectedDurationDays, coDefendantGroup);
    }
}
