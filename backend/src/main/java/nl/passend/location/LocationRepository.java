package nl.passend.location;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface LocationRepository extends JpaRepository<Location, Long>, JpaSpecificationExecutor<Location> {
}
