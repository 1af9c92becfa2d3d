package nl.passend.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.passend.support.FaultDatabase;
import nl.passend.support.Instance;
import nl.passend.support.PrivateMariaDb;

/**
 * The database stopped for thirty seconds under traffic, then started again, on a MariaDB server of the test's own:
 * meanwhile every request is answered 503 with a problem document, within seconds (no request thread waits for the
 * database), the instance recovers without a restart, and no write it acknowledged is lost.
 */
class DatabaseOutageFaultTests {

    private static final String OFFICER = "jr.gelderland";
    private static final String PASSWORD = "officer-demo";
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a request got, and when it was sent relative to the outage. */
    record Call(Instance.Response response, boolean duringOutage) {
    }

    @Test
    void answers503QuicklyWhileTheDatabaseIsAwayAndRecoversWithoutLosingAnAcknowledgedWrite() throws Exception {
        try (PrivateMariaDb server = PrivateMariaDb.start()) {
            String database = server.jdbcUrl("passend");
            List<Long> acknowledged = new CopyOnWriteArrayList<>();
            List<Call> calls = new CopyOnWriteArrayList<>();
            AtomicBoolean outage = new AtomicBoolean();
            AtomicBoolean traffic = new AtomicBoolean(true);
            AtomicInteger sent = new AtomicInteger();
            ExecutorService users = Executors.newFixedThreadPool(4);
            try (Instance instance = Instance.start(database)) {
                for (int user = 0; user < 4; user++) {
                    boolean writer = user % 2 == 0;
                    users.submit(() -> {
                        while (traffic.get()) {
                            boolean during = outage.get();
                            try {
                                Instance.Response response = writer
                                        ? instance.post("/api/v1/referrals", OFFICER, PASSWORD,
                                                referral("DB-" + sent.incrementAndGet()))
                                        : instance.get("/api/v1/referrals?size=5", OFFICER, PASSWORD);
                                if (writer && response.status() == 201) {
                                    acknowledged.add(JSON.readTree(response.body()).get("id").asLong());
                                }
                                calls.add(new Call(response, during && outage.get()));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        return null;
                    });
                }
                awaitAcknowledged(acknowledged, 10);

                server.stop();
                outage.set(true);
                Thread.sleep(OUTAGE.toMillis());
                // Flagged only while the server is surely away: a request that waits for a connection while the server
                // comes back is served (200, 201), as it should be, and must not count as one during the outage.
                outage.set(false);
                server.startAgain();

                int before = acknowledged.size();
                awaitAcknowledged(acknowledged, before + 10);
                traffic.set(false);
                users.shutdown();
                assertThat(users.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
                assertThat(instance.isAlive()).isTrue();
            }

            List<Instance.Response> meanwhile = calls.stream().filter(Call::duringOutage).map(Call::response).toList();
            assertThat(meanwhile).as("requests during the outage").hasSizeGreaterThan(8);
            assertThat(meanwhile).allSatisfy(response -> {
                assertThat(response.status()).as(response.body()).isEqualTo(503);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.took()).isLessThan(Duration.ofSeconds(10));
            });
            assertThat(calls).map(call -> call.response().status()).as("never a 500").doesNotContain(500);
            assertThat(FaultDatabase.missing(FaultDatabase.read(database), "referral", acknowledged))
                    .as("acknowledged, then lost").isEmpty();
        }
    }

    private static void awaitAcknowledged(List<Long> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (acknowledged.size() < count) {
            assertThat(System.nanoTime()).as("%d writes acknowledged", count).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String referral(String pseudonym) {
        return """
                {"youth": {"pseudonym": "%s", "birthDate": "2010-05-01", "gender": "X", "homeMunicipality": "GM0222"},
                 "legalFramework": "JEUGDRECLASSERING", "careType": "45", "minSecurityLevel": "AMBULANT",
                 "urgency": "NORMAL", "requestedStart": "2026-12-14", "expectedDurationDays": 90}""".formatted(pseudonym);
    }
}
