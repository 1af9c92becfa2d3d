package nl.passend.placement;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface PlacementRepository extends JpaRepository<Placement, Long>, JpaSpecificationExecutor<Placement> {

    long countByOffer_IdAndStatusIn(long offerId, Collection<PlacementStatus> statuses);

    long countByContract_IdAndStatusIn(long contractId, Collection<PlacementStatus> statuses);

    List<Placement> findByReferral_IdAndStatusIn(long referralId, Collection<PlacementStatus> statuses);
}
