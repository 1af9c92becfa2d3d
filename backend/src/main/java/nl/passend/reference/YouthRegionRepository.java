package nl.passend.reference;

import org.springframework.data.jpa.repository.JpaRepository;

interface YouthRegionRepository extends JpaRepository<YouthRegion, String> {
}
