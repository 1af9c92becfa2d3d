package nl.passend.placement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface PlacementRepository extends JpaRepository<Placement, Long>, JpaSpecificationExecutor<Placement> {

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
