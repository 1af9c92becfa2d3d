package nl.passend.scenario;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ScenarioRepository extends JpaRepository<Scenario, Long> {

    /** Marks the scenarios that were queued or solving when the application stopped as failed. */
    @Modifying
    @Query("""
            update Scenario s set s.status = nl.passend.matching.MatchingRunStatus.FAILED, s.failure = :reason,
              s.finishedAt = :at, s.version = s.version + 1
            where s.status in (nl.passend.matching.MatchingRunStatus.QUEUED, nl.passend.matching.MatchingRunStatus.SOLVING)""")
    int failInterrupted(String reason, Instant at);
}
