package nl.passend.organisation;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface OrganisationRepository extends JpaRepository<Organisation, Long>, JpaSpecificationExecutor<Organisation> {

    boolean existsByNameIgnoreCaseAndIdNot(String name, long id);

    boolean existsByMunicipalityCodeAndIdNot(String municipalityCode, long id);
}
