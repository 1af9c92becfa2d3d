package nl.passend.reference;

import org.springframework.data.jpa.repository.JpaRepository;

interface SecurityLevelDescriptionRepository extends JpaRepository<SecurityLevelDescription, Integer> {
}
