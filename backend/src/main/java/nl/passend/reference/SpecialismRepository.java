package nl.passend.reference;

import org.springframework.data.jpa.repository.JpaRepository;

interface SpecialismRepository extends JpaRepository<Specialism, String> {
}
