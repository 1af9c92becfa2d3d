package nl.passend.scenario;

import org.springframework.data.jpa.repository.JpaRepository;

interface PurchaseAdviceRepository extends JpaRepository<PurchaseAdvice, Long> {
}
