package nl.passend.offer;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.hibernate.annotations.Formula;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

import nl.passend.location.Location;
import nl.passend.reference.CareType;
import nl.passend.reference.Gender;
import nl.passend.reference.SecurityLevel;
import nl.passend.reference.Specialism;
import nl.passend.shared.VersionedEntity;

/** What a location offers: a care type at a security level, for an age range, genders and specialisms, with places. */
@Entity
public class Offer extends VersionedEntity {

    /** The statuses of a placement that holds a place at its offer, as SQL: proposed, accepted or started. */
    static final String HOLDING_STATUSES = "'PROPOSED', 'ACCEPTED', 'STARTED'";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id")
    private Location location;

    private String name;

    /** An iJw JZ020 product category (reference/ijw-codes.md); it fits only referrals for the same one. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "care_type_code")
    private CareType careType;

    /**
     * Fits a referral whose minimum is this level or lower (DESIGN.md, Matching). Stored as its number
     * (SecurityLevelConverter), so that "this level or higher" is one comparison in SQL.
     */
    private SecurityLevel securityLevel;

    /** Both ends inclusive; a youth's age on the requested start counts, not today's (the solver's Eligibility). */
    private int minAge;

    private int maxAge;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "offer_gender", joinColumns = @JoinColumn(name = "offer_id"))
    @Column(name = "gender")
    @Enumerated(EnumType.STRING)
    private Set<Gender> acceptedGenders = EnumSet.noneOf(Gender.class);

    /** An offer fits a referral only if it has every specialism the referral requires (DESIGN.md, Matching). */
    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "offer_specialism", joinColumns = @JoinColumn(name = "offer_id"),
            inverseJoinColumns = @JoinColumn(name = "specialism_code"))
    private Set<Specialism> specialisms = new LinkedHashSet<>();

    private int totalPlaces;

    /** Places taken by youths placed outside Passend (other regions, civil-law placements). */
    private int externallyOccupied;

    /** When the provider counted, not when Passend stored it: an old count is flagged as stale (DESIGN.md, Supply). */
    private Instant reportedAt;

    /**
     * Placements made through Passend that hold a place here: proposed, accepted or started. Counted at every read,
     * never kept as a counter: free places are always derived, never typed in twice (DESIGN.md, Supply).
     */
    @Formula("(select count(*) from placement p where p.offer_id = id and p.status in (" + HOLDING_STATUSES + "))")
    private int activePlacements;

    /** Inactive: no one new is placed here (matching, PlacementService); placements already made keep their place. */
    private boolean active = true;

    public Location getLocation() {
        return location;
    }

    void setLocation(Location location) {
        this.location = location;
    }

    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    public CareType getCareType() {
        return careType;
    }

    void setCareType(CareType careType) {
        this.careType = careType;
    }

    public SecurityLevel getSecurityLevel() {
        return securityLevel;
    }

    void setSecurityLevel(SecurityLevel securityLevel) {
        this.securityLevel = securityLevel;
    }

    public int getMinAge() {
        return minAge;
    }

    public int getMaxAge() {
        return maxAge;
    }

    void setAgeRange(int minAge, int maxAge) {
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    public Set<Gender> getAcceptedGenders() {
        return acceptedGenders;
    }

    void setAcceptedGenders(Set<Gender> acceptedGenders) {
        this.acceptedGenders.clear();
        this.acceptedGenders.addAll(acceptedGenders);
    }

    public Set<Specialism> getSpecialisms() {
        return specialisms;
    }

    void setSpecialisms(Set<Specialism> specialisms) {
        this.specialisms.clear();
        this.specialisms.addAll(specialisms);
    }

    public int getTotalPlaces() {
        return totalPlaces;
    }

    public int getExternallyOccupied() {
        return externallyOccupied;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    /** Records a capacity count; the count and its moment always change together. */
    void reportCapacity(int totalPlaces, int externallyOccupied, Instant reportedAt) {
        this.totalPlaces = totalPlaces;
        this.externallyOccupied = externallyOccupied;
        this.reportedAt = reportedAt;
    }

    /** The places Passend may fill: the total less those taken by youths placed outside Passend. */
    public int getCapacity() {
        return totalPlaces - externallyOccupied;
    }

    /** Free places are derived, never typed in: the capacity less the places that Passend's placements hold. */
    public int getFreePlaces() {
        return freePlaces(totalPlaces, externallyOccupied, activePlacements);
    }

    /** The free places of an offer with these counts; the one rule, for entities and for {@link OfferRow}s. */
    static int freePlaces(int totalPlaces, int externallyOccupied, int activePlacements) {
        return Math.max(0, totalPlaces - externallyOccupied - activePlacements);
    }

    public boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    /**
     * This offer as matching sees it, with the places matching may fill. The one translation of an offer: the
     * matching facts and the placement service judge the same facts by the same rules.
     */
    public nl.passend.solver.Offer fact(int capacity) {
        return new nl.passend.solver.Offer(getId(), location.getId(), location.getProvider().getId(),
                location.getMunicipality().getCode(), location.getLatitude().doubleValue(),
                location.getLongitude().doubleValue(), careType.getCode(), securityLevel.level(), minAge, maxAge,
                acceptedGenders.stream().map(Enum::name).collect(Collectors.toSet()), Specialism.codes(specialisms),
                capacity);
    }
}
