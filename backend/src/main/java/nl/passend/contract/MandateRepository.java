package nl.passend.contract;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.lang.Nullable;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import nl.passend.reference.CareType;
import nl.passend.reference.CareType_;
import nl.passend.reference.Municipality_;

interface MandateRepository extends JpaRepository<Mandate, Long>, JpaSpecificationExecutor<Mandate> {

    /**
     * Mandates granted by the one municipality to the other, for the care type, whose period holds the day (both ends
     * included), standing or revoked; {@code null} means any.
     */
    default Page<Mandate> search(@Nullable String granting, @Nullable String lead, @Nullable String careType,
            @Nullable LocalDate validOn, @Nullable Boolean revoked, Pageable pageable) {
        return findAll(Specification.allOf(
                granting == null ? null : (root, query, cb) ->
                        cb.equal(root.get(Mandate_.grantingMunicipality).get(Municipality_.code), granting),
                lead == null ? null : (root, query, cb) ->
                        cb.equal(root.get(Mandate_.leadMunicipality).get(Municipality_.code), lead),
                careType == null ? null : forCareType(careType),
                validOn == null ? null : (root, query, cb) -> cb.and(
                        cb.lessThanOrEqualTo(root.get(Mandate_.validFrom), validOn),
                        cb.greaterThanOrEqualTo(root.get(Mandate_.validUntil), validOn)),
                revoked == null ? null : (root, query, cb) -> revoked
                        ? cb.isNotNull(root.get(Mandate_.revokedAt)) : cb.isNull(root.get(Mandate_.revokedAt))),
                pageable);
    }

    /** The standing mandates of one municipality to a lead whose period holds the whole of the given one. */
    @Query("""
            select m from Mandate m
            where m.grantingMunicipality.code = :granting and m.leadMunicipality.code = :lead
              and m.revokedAt is null and m.validFrom <= :from and m.validUntil >= :until
            order by m.id""")
    List<Mandate> findStandingOver(String granting, String lead, LocalDate from, LocalDate until);

    /** With a subquery rather than a join, so that a mandate appears once however many care types it has. */
    private static Specification<Mandate> forCareType(String careType) {
        return (root, query, cb) -> {
            Subquery<Long> holding = query.subquery(Long.class);
            Root<Mandate> mandate = holding.from(Mandate.class);
            Join<Mandate, CareType> type = mandate.join(Mandate_.careTypes);
            holding.select(mandate.get(Mandate_.id)).where(cb.equal(mandate, root),
                    cb.equal(type.get(CareType_.code), careType));
            return cb.exists(holding);
        };
    }
}
