package nl.passend.support;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two transactions after the same row, each on a thread of its own. The first takes its lock and holds it; the
 * second asks for the row meanwhile; only when the database shows a transaction waiting for a lock does the first
 * commit. Had the first taken no lock, the second would finish without waiting, and the race fails the test. Every
 * wait is bounded, so that a lock that is never released fails the test instead of hanging it.
 */
@TestComponent
public class TwoTransactions {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(20);
    /**
     * InnoDB answers the information schema's lock tables from a cache that it renews only when they were not read
     * for 0.1 s: asked more often, it keeps answering what it knew before the wait.
     */
    private static final Duration INNODB_POLL = Duration.ofMillis(200);

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    TwoTransactions(TransactionTemplate transactions, DataSource dataSource) {
        this.transactions = transactions;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Runs {@code first} in a transaction that stays open while {@code second} runs in another; commits the first
     * once the second waits for a lock, and answers what the second read once it got past the lock.
     */
    public <T> T secondWaitsForFirst(Runnable first, Supplier<T> second) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        try {
            Future<?> firstDone = threads.submit(() -> transactions.executeWithoutResult(status -> {
                first.run();
                firstHolds.countDown();
                await(firstMayCommit);
            }));
            while (!firstHolds.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                if (firstDone.isDone()) {
                    firstDone.get();
                    fail("The first transaction ended before it held its lock");
                }
            }
            Future<T> secondDone = threads.submit(() -> transactions.execute(status -> second.get()));
            awaitALockWait(secondDone);
            firstMayCommit.countDown();
            firstDone.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return secondDone.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            firstMayCommit.countDown();
            threads.shutdownNow();
        }
    }

    private void awaitALockWait(Future<?> second) throws InterruptedException, ExecutionException {
        boolean h2 = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().equals("H2")));
        // Asked of the database itself, in this test's database only (the end-to-end tests may race at the same time).
        String waiting = h2 ? "select count(*) from information_schema.sessions where blocker_id is not null" : """
                select count(*) from information_schema.innodb_trx t
                join information_schema.processlist p on p.id = t.trx_mysql_thread_id
                where t.trx_state = 'LOCK WAIT' and p.db = database()""";
        Instant deadline = Instant.now().plus(PATIENCE);
        while (jdbc.queryForObject(waiting, Long.class) == 0) {
            if (second.isDone()) {
                second.get();
                fail("The second transaction went on while the first held its lock");
            }
            if (Instant.now().isAfter(deadline)) {
                fail("The second transaction did not wait for a lock within " + PATIENCE);
            }
            Thread.sleep((h2 ? POLL : INNODB_POLL).toMillis());
        }
    }

    /** Longer than the test waits for the second, which tells the first to commit when it gives up. */
    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(new TimeoutException("Never told to commit"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
