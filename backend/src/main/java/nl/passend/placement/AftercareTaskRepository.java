package nl.passend.placement;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AftercareTaskRepository extends JpaRepository<AftercareTask, Long> {

    /** Open tasks due before the day, oldest first. */
    @Query("""
            select t from AftercareTask t join fetch t.plan a join fetch a.placement
            where t.status = nl.passend.placement.AftercareTask.Status.OPEN and t.dueDate < :day
            order by t.dueDate, t.id""")
    List<AftercareTask> findOpenDueBefore(LocalDate day);
}
