package nl.passend.referral;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface YouthRepository extends JpaRepository<Youth, Long> {

    Optional<Youth> findByOrganisationIdAndPseudonym(long organisationId, String pseudonym);
}
