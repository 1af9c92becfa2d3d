package nl.passend.placement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AftercarePlanRepository extends JpaRepository<AftercarePlan, Long> {

    Optional<AftercarePlan> findByPlacement_Id(long placementId);

    List<AftercarePlan> findByPlacement_Referral_Id(long referralId);
}
