package nl.passend.reference;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface YouthRegionRepository extends JpaRepository<YouthRegion, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from YouthRegion r order by r.code")
    List<YouthRegion> findAllForUpdate();
}
