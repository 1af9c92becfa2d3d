package nl.passend.placement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.lang.Nullable;

import nl.passend.security.Actor;
import nl.passend.security.Role;

interface PlacementRepository extends JpaRepository<Placement, Long>, JpaSpecificationExecutor<Placement> {

    /**
     * The placements the actor sees, in the status ({@code null}: any), the latest proposal first. The query form of
     * {@link PlacementService#isVisibleTo}: an intake sees those at its provider's offers, a probation officer those
     * its organisation referred, every other role none.
     */
    default Page<Placement> findVisible(Actor actor, @Nullable PlacementStatus status, int page, int size) {
        Specification<Placement> visible = (root, query, cb) -> {
            if (actor.is(Role.PROVIDER_INTAKE)) {
                return cb.equal(root.get(Placement_.offer).get("location").get("provider").get("organisation")
                        .get("id"), actor.organisationId());
            }
            if (actor.is(Role.PROBATION_OFFICER)) {
                return cb.equal(root.get(Placement_.referral).get("organisationId"), actor.organisationId());
            }
            return cb.disjunction();
        };
        return findAll(Specification.allOf(visible,
                status == null ? null : (root, query, cb) -> cb.equal(root.get(Placement_.status), status)),
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("proposedAt"), Sort.Order.desc("id"))));
    }

    long countByOffer_IdAndStatusIn(long offerId, Collection<PlacementStatus> statuses);

    long countByContract_IdAndStatusIn(long contractId, Collection<PlacementStatus> statuses);

    @EntityGraph(attributePaths = {"referral", "offer", "contract"})
    List<Placement> findByStatusIn(Collection<PlacementStatus> statuses);

    @EntityGraph(attributePaths = "referral")
    List<Placement> findByContract_IdAndStatusIn(long contractId, Collection<PlacementStatus> statuses);

    List<Placement> findByReferral_IdAndStatusIn(long referralId, Collection<PlacementStatus> statuses);

    /**
     * Whether a co-defendant already holds a place at the location: two of one group never share a location
     * (DESIGN.md, Matching: a hard constraint).
     */
    boolean existsByOffer_Location_IdAndReferral_CoDefendantGroupAndStatusIn(long locationId, String coDefendantGroup,
            Collection<PlacementStatus> statuses);

    /** Started placements that end by the date and have no aftercare plan yet, soonest first. */
    @Query("""
            select p from Placement p
            where p.status = nl.passend.placement.PlacementStatus.STARTED and p.expectedEnd <= :endingBy
              and not exists (select a from AftercarePlan a where a.placement = p)
            order by p.expectedEnd, p.id""")
    List<Placement> findStartedEndingByWithoutAftercarePlan(LocalDate endingBy);
}
