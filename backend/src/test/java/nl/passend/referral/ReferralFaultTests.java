package nl.passend.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.passend.support.FaultDatabase;
import nl.passend.support.Instance;

/**
 * The JVM killed with {@code kill -9} while officers are creating referrals: after a restart every referral that was
 * answered 201 is there, and every referral that is there is whole (its youth, its first status and the audit event
 * of its creation): the transaction that was cut off left nothing behind.
 */
class ReferralFaultTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICER = "jr.gelderland";
    private static final String PASSWORD = "officer-demo";

    @Test
    void keepsEveryAnsweredReferralAndNoHalfOfAnyOtherWhenTheInstanceIsKilled() throws Exception {
        String database = FaultDatabase.fresh("passend_fault_referrals");
        List<Long> answered = new CopyOnWriteArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService officers = Executors.newFixedThreadPool(4);
        try (Instance instance = Instance.start(database)) {
            for (int officer = 0; officer < 4; officer++) {
                officers.submit(() -> {
                    while (instance.isAlive()) {
                        try {
                            Instance.Response response = instance.post("/api/v1/referrals", OFFICER, PASSWORD,
                                    referral("FT-" + sent.incrementAndGet()));
                            if (response.status() == 201) {
                                answered.add(JSON.readTree(response.body()).get("id").asLong());
                            }
                        } catch (Exception killed) {
                            return;
                        }
                    }
                });
            }
            while (answered.size() < 30) {
                Thread.sleep(20);
            }
            instance.kill();
        }
        officers.shutdown();
        assertThat(officers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        try (Instance restarted = Instance.start(database)) {
            JdbcTemplate jdbc = FaultDatabase.read(database);
            assertThat(FaultDatabase.missing(jdbc, "referral", answered)).as("answered, then lost").isEmpty();
            List<Long> created = jdbc.queryForList("select id from referral where context_note = 'fault test'",
                    Long.class);
            assertThat(created).containsAll(answered);
            for (long id : created) {
                assertThat(jdbc.queryForObject("select count(*) from referral r join youth y on y.id = r.youth_id "
                        + "where r.id = ?", Long.class, id)).as("youth of referral %d", id).isOne();
                assertThat(jdbc.queryForObject("select count(*) from referral_status_change where referral_id = ?",
                        Long.class, id)).as("first status of referral %d", id).isOne();
                assertThat(jdbc.queryForObject("select count(*) from audit_event where resource_type = 'referral' "
                        + "and resource_id = ? and action = 'CREATE'", Long.class, String.valueOf(id)))
                        .as("audit event of referral %d", id).isOne();
            }
            for (long id : answered) {
                assertThat(restarted.get("/api/v1/referrals/" + id, OFFICER, PASSWORD).status()).isEqualTo(200);
            }
        }
    }

    private static String referral(String pseudonym) {
        return """
                {"youth": {"pseudonym": "%s", "birthDate": "2010-05-01", "gender": "X", "homeMunicipality": "GM0222"},
                 "legalFramework": "JEUGDRECLASSERING", "careType": "45", "minSecurityLevel": "AMBULANT",
                 "urgency": "NORMAL", "requestedStart": "2026-12-14", "expectedDurationDays": 90,
                 "contextNote": "fault test"}""".formatted(pseudonym);
    }
}
