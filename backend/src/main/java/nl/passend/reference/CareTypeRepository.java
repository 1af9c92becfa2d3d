package nl.passend.reference;

import org.springframework.data.jpa.repository.JpaRepository;

interface CareTypeRepository extends JpaRepository<CareType, String> {
}
