package nl.passend.offer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.api.model.CapacityReportDto;
import nl.passend.api.model.GenderDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.OfferInputDto;
import nl.passend.api.model.OfferPageDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.audit.RegistryEdits;
import nl.passend.location.Location;
import nl.passend.location.LocationService;
import nl.passend.reference.Gender;
import nl.passend.reference.ReferenceDataService;
import nl.passend.reference.SecurityLevel;
import nl.passend.reference.Specialism;
import nl.passend.security.CurrentActor;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Paging;
import nl.passend.shared.Refusal;
import nl.passend.shared.RowLocks;
import nl.passend.shared.Violation;

/**
 * Registers offers and their capacity, and finds them for purchasers and planners. A provider's intake changes only
 * its own provider's offers, and another's is answered 404 (DESIGN.md, Security and privacy).
 */
@Service
@Transactional
public class OfferService {

    /** The sort keys of the list, each named as {@link OfferRows} sorts by it. */
    static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "careType", "careType",
            "securityLevel", "securityLevel", "totalPlaces", "totalPlaces", "reportedAt", "reportedAt");

    /** Clocks of providers' systems differ a little; a report a minute ahead of ours is not "in the future". */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

    private final OfferRepository offers;
    private final OfferRows rows;
    private final LocationService locations;
    private final ReferenceDataService referenceData;
    private final CurrentActor currentActor;
    private final RegistryEdits edits;
    private final RowLocks locks;
    private final OfferMapper mapper;
    private final CapacityProperties capacity;
    private final Clock clock;

    OfferService(OfferRepository offers, OfferRows rows, LocationService locations, ReferenceDataService referenceData,
            CurrentActor currentActor, RegistryEdits edits, RowLocks locks, OfferMapper mapper,
            CapacityProperties capacity, Clock clock) {
        this.offers = offers;
        this.rows = rows;
        this.locations = locations;
        this.referenceData = referenceData;
        this.currentActor = currentActor;
        this.edits = edits;
        this.locks = locks;
        this.mapper = mapper;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The filters of the offer search; {@code null} means "any". */
    record Filter(@Nullable String careType, @Nullable SecurityLevelDto securityLevel,
            @Nullable SecurityLevelDto minSecurityLevel, @Nullable String youthRegion, @Nullable String municipality,
            @Nullable List<String> specialisms, @Nullable Boolean hasFreePlaces, @Nullable Long providerId,
            @Nullable Long locationId, @Nullable Boolean active) {
    }

    @Transactional(readOnly = true)
    OfferPageDto list(Filter filter, int page, int size, List<String> sort) {
        // An unknown code in a filter is the client's mistake (400 naming the parameter), not an empty page.
        if (filter.careType() != null) {
            referenceData.requireCareType("careType", filter.careType());
        }
        if (filter.youthRegion() != null) {
            referenceData.requireYouthRegion("youthRegion", filter.youthRegion());
        }
        if (filter.specialisms() != null) {
            referenceData.requireSpecialisms("specialism", filter.specialisms());
        }
        return mapper.toPageDto(rows.search(filter, Paging.pageable(page, size, sort, SORTABLE)), staleBefore());
    }

    @Transactional(readOnly = true)
    OfferDto get(long id) {
        return mapper.toDto(rows.find(id).orElseThrow(() -> new NotFoundException("offer", id)), staleBefore());
    }

    OfferDto create(OfferInputDto input) {
        Offer offer = new Offer();
        apply(input, offer);
        return edits.create(offers, "offer", offer, this::toDto);
    }

    OfferDto update(long id, OfferInputDto input) {
        return edits.update(offers, "offer", findOwn(id), input.getVersion(), offer -> apply(input, offer),
                this::toDto);
    }

    /** A capacity report is an edit like any other: on the version the provider read, and audited. */
    OfferDto reportCapacity(long id, CapacityReportDto report) {
        return edits.update(offers, "offer", findOwn(id), report.getVersion(), offer -> offer.reportCapacity(
                report.getTotalPlaces(), occupied(report.getTotalPlaces(), report.getExternallyOccupied()),
                reportedAt(report.getReportedAt())), this::toDto);
    }

    /** One offer's capacity report among several sent at once (a provider's daily update of all its offers). */
    record OfferCapacity(long offerId, CapacityReportDto report) {
    }

    /** The current intake's own offers, by name: what it reports today's capacity of. */
    @Transactional(readOnly = true)
    List<OfferDto> own() {
        Instant staleBefore = staleBefore();
        return rows.ownedBy(currentActor.get().organisationId()).stream().map(row -> mapper.toDto(row, staleBefore))
                .toList();
    }

    /**
     * Today's capacity of several own offers, all or none: each report is checked and saved as
     * {@link #reportCapacity} saves one (its own offer, on the version read, audited), in one transaction, so that
     * one refused report (another's change first: 409; another provider's offer: 404) leaves every offer as it was.
     * A report that breaks a rule of its content is named by its place in the list, such as
     * {@code reports[2].externallyOccupied}, with every other such report, before anything changes.
     */
    List<OfferDto> reportCapacities(List<OfferCapacity> reports) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            CapacityReportDto report = reports.get(i).report();
            try {
                occupied(report.getTotalPlaces(), report.getExternallyOccupied());
                reportedAt(report.getReportedAt());
            } catch (InvalidRequestException invalid) {
                String row = "reports[" + i + "].";
                invalid.violations()
                        .forEach(v -> violations.add(new Violation(row + v.field(), v.message(), v.refusal())));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return reports.stream().map(report -> reportCapacity(report.offerId(), report.report())).toList();
    }

    void delete(long id) {
        edits.delete(offers, "offer", findOwn(id), "placements");
    }

    /** Every offer, active or not, as matching reads the region's supply. */
    @Transactional(readOnly = true)
    public List<Offer> all() {
        return offers.findAll();
    }

    /**
     * The offer a request names in {@code field}, locked until the transaction ends, so that checks of its free
     * places cannot race with another placement there. Locked after the referral, before the contract
     * (see {@link RowLocks}).
     */
    public Offer requireLocked(String field, long id) {
        return locks.require(offers::findByIdForUpdate, field, "offer", id);
    }

    /** The offer with this id, if it still exists, locked until the transaction ends and read after the lock. */
    public Optional<Offer> findLocked(long id) {
        return locks.find(offers::findByIdForUpdate, id);
    }

    /** An offer just written, as the API shows it: read again as a row, after the write's flush. */
    private OfferDto toDto(Offer offer) {
        return mapper.toDto(rows.find(offer.getId()).orElseThrow(), staleBefore());
    }

    private Offer find(long id) {
        return offers.findById(id).orElseThrow(() -> new NotFoundException("offer", id));
    }

    /** Another organisation's offer is answered as if it did not exist. */
    private Offer findOwn(long id) {
        Offer offer = find(id);
        if (!currentActor.get().belongsTo(offer.getLocation().getProvider().getOrganisationId())) {
            throw new NotFoundException("offer", id);
        }
        return offer;
    }

    private void apply(OfferInputDto input, Offer offer) {
        List<Violation> violations = new ArrayList<>();
        if (input.getMinAge() > input.getMaxAge()) {
            violations.add(new Violation("maxAge", Refusal.of("refusal.field.atLeastMinAge", input.getMinAge())));
        }
        if (input.getName().isBlank()) {
            violations.add(new Violation("name", Refusal.of("refusal.field.notBlank")));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        Location location = locations.requireOwn("locationId", input.getLocationId());
        Set<Specialism> specialisms = referenceData.requireSpecialisms("specialisms",
                input.getSpecialisms() == null ? Set.of() : input.getSpecialisms());
        offer.setLocation(location);
        offer.setName(input.getName().strip());
        offer.setCareType(referenceData.requireCareType("careType", input.getCareType()));
        offer.setSecurityLevel(SecurityLevel.valueOf(input.getSecurityLevel().name()));
        offer.setAgeRange(input.getMinAge(), input.getMaxAge());
        offer.setAcceptedGenders(genders(input.getAcceptedGenders()));
        offer.setSpecialisms(specialisms);
        offer.reportCapacity(input.getTotalPlaces(), occupied(input.getTotalPlaces(), input.getExternallyOccupied()),
                reportedAt(input.getReportedAt()));
        offer.setActive(!Boolean.FALSE.equals(input.getActive()));
    }

    private static int occupied(int totalPlaces, @Nullable Integer externallyOccupied) {
        int occupied = externallyOccupied == null ? 0 : externallyOccupied;
        if (occupied > totalPlaces) {
            throw new InvalidRequestException("externallyOccupied",
                    Refusal.of("refusal.field.atMostTotalPlaces", totalPlaces));
        }
        return occupied;
    }

    private Instant reportedAt(@Nullable OffsetDateTime reportedAt) {
        Instant now = clock.instant();
        if (reportedAt == null) {
            return now;
        }
        if (reportedAt.toInstant().isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new InvalidRequestException("reportedAt", Refusal.of("refusal.field.notInTheFuture"));
        }
        return reportedAt.toInstant();
    }

    private static Set<Gender> genders(Set<GenderDto> genders) {
        Set<Gender> result = EnumSet.noneOf(Gender.class);
        genders.forEach(gender -> result.add(Gender.valueOf(gender.name())));
        return result;
    }

    private Instant staleBefore() {
        return clock.instant().minus(capacity.staleAfter());
    }
}
