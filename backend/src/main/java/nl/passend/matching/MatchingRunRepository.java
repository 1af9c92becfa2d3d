package nl.passend.matching;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface MatchingRunRepository extends JpaRepository<MatchingRun, Long> {

    Page<MatchingRun> findByStatus(MatchingRunStatus status, Pageable pageable);

    List<MatchingRun> findByStatusIn(Collection<MatchingRunStatus> statuses);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from MatchingRun r where r.id = :id")
    Optional<MatchingRun> findByIdForUpdate(long id);
}
