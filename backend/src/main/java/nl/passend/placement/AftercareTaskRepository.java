package nl.passend.placement;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AftercareTaskRepository extends JpaRepository<AftercareTask, Long> {

    /** Open tasks due before the day, of placements whose care has not ended, oldest first. */
    @Query("""
            select t from AftercareTask t join fetch t.plan a join fetch a.placement p
            where t.status = nl.passend.placement.AftercareTask.Status.OPEN and t.dueDate < :day
              and p.status in (nl.passend.placement.PlacementStatus.ACCEPTED, nl.passend.placement.PlacementStatus.STARTED)
            order by t.dueDate, t.id""")
    List<AftercareTask> findOpenDueBefore(LocalDate day);
}
