package nl.passend.matching;

import org.springframework.data.jpa.repository.JpaRepository;

interface MatchingScheduleRepository extends JpaRepository<MatchingSchedule, Long> {
}
