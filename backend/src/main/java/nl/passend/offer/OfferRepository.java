package nl.passend.offer;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import nl.passend.location.Location_;
import nl.passend.provider.Provider_;
import nl.passend.reference.CareType_;
import nl.passend.reference.Municipality_;
import nl.passend.reference.SecurityLevel;
import nl.passend.reference.Specialism;
import nl.passend.reference.Specialism_;
import nl.passend.reference.YouthRegion_;

interface OfferRepository extends JpaRepository<Offer, Long>, JpaSpecificationExecutor<Offer> {

    /** The offers that meet every filter given; a filter that is {@code null} lets every offer through. */
    default Page<Offer> search(OfferService.Filter filter, Pageable pageable) {
        return findAll(Specification.allOf(
                filter.careType() == null ? null : (root, query, cb) ->
                        cb.equal(root.get(Offer_.careType).get(CareType_.code), filter.careType()),
                filter.securityLevel() == null ? null : (root, query, cb) ->
                        cb.equal(root.get(Offer_.securityLevel), SecurityLevel.valueOf(filter.securityLevel().name())),
                filter.minSecurityLevel() == null ? null : (root, query, cb) -> cb.greaterThanOrEqualTo(
                        root.get(Offer_.securityLevel), SecurityLevel.valueOf(filter.minSecurityLevel().name())),
                filter.youthRegion() == null ? null : (root, query, cb) -> cb.equal(root.get(Offer_.location)
                        .get(Location_.municipality).get(Municipality_.youthRegion).get(YouthRegion_.code),
                        filter.youthRegion()),
                filter.municipality() == null ? null : (root, query, cb) -> cb.equal(
                        root.get(Offer_.location).get(Location_.municipality).get(Municipality_.code),
                        filter.municipality()),
                filter.specialisms() == null ? null : hasAllSpecialisms(filter.specialisms()),
                filter.hasFreePlaces() == null ? null : (root, query, cb) -> {
                    // Free places as Offer#getFreePlaces derives them.
                    var free = cb.diff(cb.diff(root.get(Offer_.totalPlaces), root.get(Offer_.externallyOccupied)),
                            root.get(Offer_.activePlacements));
                    return filter.hasFreePlaces() ? cb.gt(free, 0) : cb.le(free, 0);
                },
                filter.providerId() == null ? null : (root, query, cb) -> cb.equal(
                        root.get(Offer_.location).get(Location_.provider).get(Provider_.id), filter.providerId()),
                filter.locationId() == null ? null : (root, query, cb) ->
                        cb.equal(root.get(Offer_.location).get(Location_.id), filter.locationId()),
                filter.active() == null ? null : (root, query, cb) ->
                        cb.equal(root.get(Offer_.active), filter.active()),
                withWhatTheListShows()),
                pageable);
    }

    /**
     * Reads with each offer of the page, in the same query, what its DTO names: location, provider, municipality,
     * youth region and care type (the page's count leaves them out). Loaded one association at a time instead, they
     * cost most of a list request.
     */
    private static Specification<Offer> withWhatTheListShows() {
        return (root, query, cb) -> {
            if (!Long.class.equals(query.getResultType())) {
                var location = root.fetch(Offer_.location);
                location.fetch(Location_.provider).fetch(Provider_.organisation);
                location.fetch(Location_.municipality).fetch(Municipality_.youthRegion);
                root.fetch(Offer_.careType);
            }
            return null;
        };
    }

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Offer o where o.id = :id")
    Optional<Offer> findByIdForUpdate(long id);

    /** Offers that have every one of the codes: as many matching specialisms as codes asked for. */
    private static Specification<Offer> hasAllSpecialisms(List<String> codes) {
        Set<String> distinct = Set.copyOf(codes);
        return (root, query, cb) -> {
            Subquery<Long> matching = query.subquery(Long.class);
            Root<Offer> offer = matching.from(Offer.class);
            Join<Offer, Specialism> specialism = offer.join(Offer_.specialisms);
            matching.select(cb.count(specialism)).where(cb.equal(offer, root),
                    specialism.get(Specialism_.code).in(distinct));
            return cb.equal(matching, (long) distinct.size());
        };
    }

    /**
     * The offers of the provider of an organisation, by name, with what their DTO names: a provider's intake reports
     * their capacity on one screen.
     */
    @Query("""
            select o from Offer o join fetch o.location l join fetch l.provider p join fetch p.organisation org
              join fetch l.municipality m join fetch m.youthRegion join fetch o.careType
            where org.id = :organisationId
            order by o.name, o.id""")
    List<Offer> findOwnedBy(long organisationId);
}
