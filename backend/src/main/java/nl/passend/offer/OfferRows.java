package nl.passend.offer;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import jakarta.persistence.criteria.Subquery;

import nl.passend.location.Location;
import nl.passend.location.Location_;
import nl.passend.provider.Provider;
import nl.passend.provider.Provider_;
import nl.passend.reference.CareType_;
import nl.passend.reference.Gender;
import nl.passend.reference.Municipality;
import nl.passend.reference.Municipality_;
import nl.passend.reference.SecurityLevel;
import nl.passend.reference.Specialism;
import nl.passend.reference.Specialism_;
import nl.passend.reference.YouthRegion_;
import nl.passend.shared.VersionedEntity_;

/**
 * Offers as the API shows them: one query for a page of rows, with what they name from location, provider,
 * municipality and care type, and one each for the page's genders and specialisms, all read as values. Measured with
 * JFR under wrk, building the entities of a page and their collections took most of a list request; values skip that.
 */
@Repository
class OfferRows {

    private final EntityManager entityManager;

    OfferRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The page of offers that meet every filter given. */
    Page<OfferRow> search(OfferService.Filter filter, Pageable pageable) {
        Specification<Offer> matching = matching(filter);
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Offer> offer = query.from(Offer.class);
        query.multiselect(columns(offer));
        where(query, matching.toPredicate(offer, query, cb));
        query.orderBy(QueryUtils.toOrders(pageable.getSort(), offer, cb));
        List<Tuple> found = entityManager.createQuery(query).setFirstResult((int) pageable.getOffset())
                .setMaxResults(pageable.getPageSize()).getResultList();
        // Counted only when the page does not tell the total by itself.
        return PageableExecutionUtils.getPage(rows(found), pageable, () -> count(matching));
    }

    /** The offer with this id, as the API shows it. */
    Optional<OfferRow> find(long id) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Offer> offer = query.from(Offer.class);
        query.multiselect(columns(offer)).where(cb.equal(offer.get(VersionedEntity_.id), id));
        return rows(entityManager.createQuery(query).getResultList()).stream().findFirst();
    }

    /** The offers of the provider of an organisation, by name: what its intake reports the capacity of. */
    List<OfferRow> ownedBy(long organisationId) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Offer> offer = query.from(Offer.class);
        query.multiselect(columns(offer)).where(cb.equal(Provider.organisationId(provider(offer)), organisationId))
                .orderBy(cb.asc(offer.get(Offer_.name)), cb.asc(offer.get(VersionedEntity_.id)));
        return rows(entityManager.createQuery(query).getResultList());
    }

    /** The offers that meet every filter given; a filter that is {@code null} lets every offer through. */
    static Specification<Offer> matching(OfferService.Filter filter) {
        return Specification.allOf(
                filter.careType() == null ? null : (root, query, cb) ->
                        cb.equal(root.get(Offer_.careType).get(CareType_.code), filter.careType()),
                filter.securityLevel() == null ? null : (root, query, cb) ->
                        cb.equal(root.get(Offer_.securityLevel), SecurityLevel.valueOf(filter.securityLevel().name())),
                filter.minSecurityLevel() == null ? null : (root, query, cb) -> cb.greaterThanOrEqualTo(
                        root.get(Offer_.securityLevel), SecurityLevel.valueOf(filter.minSecurityLevel().name())),
                filter.youthRegion() == null ? null : (root, query, cb) -> cb.equal(municipality(root)
                        .get(Municipality_.youthRegion).get(YouthRegion_.code), filter.youthRegion()),
                filter.municipality() == null ? null : (root, query, cb) -> cb.equal(
                        municipality(root).get(Municipality_.code), filter.municipality()),
                filter.specialisms() == null ? null : hasAllSpecialisms(filter.specialisms()),
                filter.hasFreePlaces() == null ? null : (root, query, cb) -> {
                    // Free places as Offer#freePlaces derives them.
                    var free = cb.diff(cb.diff(root.get(Offer_.totalPlaces), root.get(Offer_.externallyOccupied)),
                            root.get(Offer_.activePlacements));
                    return filter.hasFreePlaces() ? cb.gt(free, 0) : cb.le(free, 0);
                },
                filter.providerId() == null ? null : (root, query, cb) -> cb.equal(
                        provider(root).get(VersionedEntity_.id), filter.providerId()),
                filter.locationId() == null ? null : (root, query, cb) ->
                        cb.equal(location(root).get(VersionedEntity_.id), filter.locationId()),
                filter.active() == null ? null : (root, query, cb) ->
                        cb.equal(root.get(Offer_.active), filter.active()));
    }

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

    /** What a row is made of, in the order of {@link OfferRow}'s components up to its genders. */
    private static List<Selection<?>> columns(Root<Offer> offer) {
        Path<Location> location = location(offer);
        Path<Municipality> municipality = municipality(offer);
        return List.of(offer.get(VersionedEntity_.id), offer.get(VersionedEntity_.version),
                location.get(VersionedEntity_.id), location.get(Location_.name),
                provider(offer).get(VersionedEntity_.id),
                Provider.name(provider(offer)),
                municipality.get(Municipality_.code), municipality.get(Municipality_.name),
                municipality.get(Municipality_.youthRegion).get(YouthRegion_.code), offer.get(Offer_.name),
                offer.get(Offer_.careType).get(CareType_.code), offer.get(Offer_.securityLevel),
                offer.get(Offer_.minAge), offer.get(Offer_.maxAge), offer.get(Offer_.totalPlaces),
                offer.get(Offer_.externallyOccupied), offer.get(Offer_.activePlacements),
                offer.get(Offer_.reportedAt), offer.get(Offer_.active));
    }

    private static Path<Location> location(Root<Offer> offer) {
        return offer.get(Offer_.location);
    }

    private static Path<Provider> provider(Root<Offer> offer) {
        return location(offer).get(Location_.provider);
    }

    private static Path<Municipality> municipality(Root<Offer> offer) {
        return location(offer).get(Location_.municipality);
    }

    private List<OfferRow> rows(List<Tuple> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Long> ids = found.stream().map(row -> row.get(0, Long.class)).toList();
        Map<Long, Set<Gender>> genders = new HashMap<>();
        entityManager.createQuery("select o.id, g from Offer o join o.acceptedGenders g where o.id in :ids",
                Object[].class).setParameter("ids", ids).getResultList().forEach(row -> genders
                        .computeIfAbsent((Long) row[0], id -> EnumSet.noneOf(Gender.class)).add((Gender) row[1]));
        Map<Long, Set<String>> specialisms = new HashMap<>();
        entityManager.createQuery("select o.id, s.code from Offer o join o.specialisms s where o.id in :ids",
                Object[].class).setParameter("ids", ids).getResultList().forEach(row -> specialisms
                        .computeIfAbsent((Long) row[0], id -> new TreeSet<>()).add((String) row[1]));
        return found.stream().map(row -> {
            long id = row.get(0, Long.class);
            return new OfferRow(id, row.get(1, Long.class), row.get(2, Long.class), row.get(3, String.class),
                    row.get(4, Long.class), row.get(5, String.class), row.get(6, String.class),
                    row.get(7, String.class), row.get(8, String.class), row.get(9, String.class),
                    row.get(10, String.class), row.get(11, SecurityLevel.class), row.get(12, Integer.class),
                    row.get(13, Integer.class), genders.getOrDefault(id, Set.of()),
                    specialisms.getOrDefault(id, Set.of()), row.get(14, Integer.class), row.get(15, Integer.class),
                    row.get(16, Integer.class), row.get(17, Instant.class), row.get(18, Boolean.class));
        }).toList();
    }

    private long count(Specification<Offer> matching) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Offer> offer = query.from(Offer.class);
        where(query.select(cb.count(offer)), matching.toPredicate(offer, query, cb));
        return entityManager.createQuery(query).getSingleResult();
    }

    /** No filter given is no condition, which JPA's criteria do not take as {@code null}. */
    private static void where(CriteriaQuery<?> query, @Nullable Predicate condition) {
        if (condition != null) {
            query.where(condition);
        }
    }
}
