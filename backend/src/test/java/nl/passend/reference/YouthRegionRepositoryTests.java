package nl.passend.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.support.PersistenceTest;
import nl.passend.support.Rows;
import nl.passend.support.TwoTransactions;

@PersistenceTest
class YouthRegionRepositoryTests {

    @Autowired
    YouthRegionRepository youthRegions;

    /**
     * Starting a matching run locks every region, then looks for a run over the same regions and queues its own: a
     * second start waits, and then finds the first's run, so that no two runs match the same referrals at once.
     */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void lockedRegionsMakeTheNextLockWaitAndThenShowTheRunTheFirstQueued(@Autowired TwoTransactions race,
            @Autowired JdbcClient jdbc, @Autowired Rows rows) throws Exception {
        try {
            long queuedAfterTheLock = race.secondWaitsForFirst(() -> {
                assertThat(youthRegions.findAllForUpdate()).extracting(YouthRegion::getCode).hasSize(9)
                        .isSorted().contains("ACHTERHOEK", "TWENTE");
                jdbc.sql("""
                        insert into matching_run (status, time_limit_seconds, requested_by, requested_at)
                        values ('QUEUED', 10, 'planner', ?)""").param(LocalDateTime.now()).update();
            }, () -> {
                youthRegions.findAllForUpdate();
                return jdbc.sql("select count(*) from matching_run where status = 'QUEUED'").query(Long.class).single();
            });
            assertThat(queuedAfterTheLock).isEqualTo(1);
        } finally {
            rows.clear();
        }
    }
}
