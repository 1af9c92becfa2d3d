package nl.passend.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.support.Api;
import nl.passend.support.Concurrently;
import nl.passend.support.IntegrationTest;
import nl.passend.support.TableCounts;

@IntegrationTest
class ReferralApiTests {

    @Autowired
    Api api;

    @Autowired
    TableCounts tables;

    @Autowired
    JdbcTemplate jdbc;

    Api officer;

    @BeforeEach
    void signIn() {
        officer = api.asOfficer();
    }

    @Test
    void refersAYouthByPseudonymAndKeepsTheStatusHistory() {
        String pseudonym = pseudonym();
        Api.Response created = officer.post("/api/v1/referrals", Api.referral(pseudonym));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonNode referral = created.body();
        assertThat(referral.get("status").asText()).isEqualTo("OPEN");
        assertThat(referral.get("youth").get("pseudonym").asText()).isEqualTo(pseudonym);
        assertThat(referral.get("referringOfficer").asText()).isEqualTo("test.officer");
        assertThat(referral.get("excludedMunicipalities").get(0).asText()).isEqualTo("GM0150");

        JsonNode history = officer.get("/api/v1/referrals/" + referral.get("id").asLong() + "/history").body();
        assertThat(history.findValuesAsText("status")).containsExactly("OPEN");
        assertThat(history.get(0).get("changedBy").asText()).isEqualTo("test.officer");
    }

    @Test
    void answersARetryWithTheSameKeyWithTheSameReferral() {
        String body = Api.referral(pseudonym());
        String key = "retry-" + System.nanoTime();
        Map<String, Long> before = tables.now();

        long first = post(body, key).get("id").asLong();
        long retried = post(body, key).get("id").asLong();

        assertThat(retried).isEqualTo(first);
        assertThat(tables.now().get("referral")).isEqualTo(before.get("referral") + 1);
    }

    @Test
    void answersARetryThatListsTheSameSetsInAnotherOrder() {
        String body = Api.referral(pseudonym()).replace("[\"LVB\"]", "[\"LVB\", \"TRAUMA\"]");
        String key = "order-" + System.nanoTime();
        long first = post(body, key).get("id").asLong();
        assertThat(post(body.replace("[\"LVB\", \"TRAUMA\"]", "[\"TRAUMA\", \"LVB\"]"), key).get("id").asLong())
                .isEqualTo(first);
    }

    @Test
    void neverRewritesWhatIsKnownOfAYouth() {
        String pseudonym = pseudonym();
        assertThat(officer.post("/api/v1/referrals", Api.referral(pseudonym)).status()).isEqualTo(201);
        assertThat(officer.post("/api/v1/referrals", Api.referral(pseudonym)).status()).as("a second referral")
                .isEqualTo(201);
        Map<String, Long> before = tables.now();

        Api.Response otherYouth = officer.post("/api/v1/referrals",
                Api.referral(pseudonym).replace("\"gender\": \"MALE\"", "\"gender\": \"FEMALE\""));

        assertThat(otherYouth.status()).isEqualTo(409);
        assertThat(otherYouth.body().get("detail").asText()).contains(pseudonym);
        assertThat(tables.now()).isEqualTo(before);
    }

    @Test
    void refusesTheSameKeyForAnotherRequest() {
        String key = "reused-" + System.nanoTime();
        post(Api.referral(pseudonym()), key);
        Map<String, Long> before = tables.now();

        Api.Response response = officer.post("/api/v1/referrals", Api.referral(pseudonym()), "Idempotency-Key", key);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().get("detail").asText()).contains(key);
        assertThat(tables.now()).isEqualTo(before);
    }

    @Test
    void makesOneReferralOfConcurrentRetries() throws Exception {
        String body = Api.referral(pseudonym());
        String key = "concurrent-" + System.nanoTime();
        long before = tables.now().get("referral");

        List<Long> answered = Concurrently.run(8, i -> post(body, key).get("id").asLong());
        assertThat(answered).containsOnly(answered.get(0));
        assertThat(tables.now().get("referral")).isEqualTo(before + 1);
    }

    @Test
    void showsAReferralToItsOwnOrganisationOnlyAndAuditsEveryRead() {
        long id = officer.post("/api/v1/referrals", Api.referral(pseudonym())).body().get("id").asLong();

        assertThat(api.asOtherOfficer().get("/api/v1/referrals/" + id).status()).isEqualTo(404);
        assertThat(api.asOtherOfficer().get("/api/v1/referrals?size=100").body().get("content")
                .findValuesAsText("id")).doesNotContain(String.valueOf(id));

        long reads = readEvents(id);
        assertThat(officer.get("/api/v1/referrals/" + id).status()).isEqualTo(200);
        assertThat(officer.get("/api/v1/referrals?size=100").body().get("content").findValuesAsText("id"))
                .contains(String.valueOf(id));
        assertThat(readEvents(id)).isEqualTo(reads + 2);
    }

    @Test
    void withdrawsOnceAndNamesTheStatusWhenAskedAgain() {
        JsonNode referral = officer.post("/api/v1/referrals", Api.referral(pseudonym())).body();
        String uri = "/api/v1/referrals/" + referral.get("id").asLong();

        Api.Response withdrawn = officer.post(uri + "/withdrawal",
                "{\"reason\": \"Judge lifted the condition\", \"version\": 0}");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body().get("status").asText()).isEqualTo("WITHDRAWN");

        Api.Response again = officer.post(uri + "/cancellation", "{\"reason\": \"again\", \"version\": "
                + withdrawn.body().get("version").asLong() + "}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asText()).contains("WITHDRAWN");
        assertThat(officer.get(uri + "/history").body().findValuesAsText("status")).containsExactly("OPEN", "WITHDRAWN");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON            | "youth": { => "youth": {{                             | body
            missing youth             | "youth": null,                                        | youth
            name as pseudonym         | "pseudonym": "PSEUDONYM", => "pseudonym": "Jan de Vries", | youth.pseudonym
            unknown gender            | "gender": "MALE" => "gender": "BOY"                   | youth.gender
            unknown home              | "homeMunicipality": "GM0301" => "homeMunicipality": "GM9999" | youth.homeMunicipality
            too young                 | BIRTHDATE => 2022-01-01                               | youth.birthDate
            born tomorrow             | BIRTHDATE => 2999-01-01                               | youth.birthDate
            unknown care type         | "careType": "43" => "careType": "99"                  | careType
            unknown security level    | "SEMI_SECURE" => "HALF_OPEN"                          | minSecurityLevel
            unknown specialism        | ["LVB"] => ["COOKING"]                                | requiredSpecialisms
            unknown framework         | "SCHORSING_VOORLOPIGE_HECHTENIS" => "HOUSE_ARREST"    | legalFramework
            no duration               | "expectedDurationDays": 182 => "expectedDurationDays": 0 | expectedDurationDays
            duration as text          | "expectedDurationDays": 182 => "expectedDurationDays": "half a year" | expectedDurationDays
            malformed start           | START => 2026-02-30                                   | requestedStart
            start years ahead         | START => IN_TWO_YEARS                                 | requestedStart
            home excluded             | ["GM0150"] => ["GM0301"]                              | excludedMunicipalities
            unknown exclusion         | ["GM0150"] => ["GM0000"]                              | excludedMunicipalities
            oversized note            | "Suspected of a violent robbery in Deventer." => NOTE | contextNote
            """)
    void refusesInvalidInputByFieldAndChangesNothing(String situation, String change, String field) {
        String pseudonym = pseudonym();
        String body = Api.referral(pseudonym);
        LocalDate birth = LocalDate.now().minusYears(16).minusMonths(3);
        LocalDate start = LocalDate.now().plusDays(1);
        if (change.contains("=>")) {
            String[] parts = change.split("=>");
            String from = parts[0].strip().replace("PSEUDONYM", pseudonym).replace("BIRTHDATE", birth.toString())
                    .replace("START", start.toString());
            String to = parts[1].strip().replace("NOTE", "\"" + "n".repeat(1001) + "\"")
                    .replace("IN_TWO_YEARS", LocalDate.now().plusYears(2).toString());
            assertThat(body).contains(from);
            body = body.replace(from, to);
        } else {
            body = body.replaceFirst("\"youth\": \\{[^}]*\\},", "");
        }
        Map<String, Long> before = tables.now();
        Api.Response response = officer.post("/api/v1/referrals", body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.violatedFields()).containsExactly(field);
        assertThat(tables.now()).isEqualTo(before);
    }

    private JsonNode post(String body, String key) {
        Api.Response response = officer.post("/api/v1/referrals", body, "Idempotency-Key", key);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body();
    }

    private long readEvents(long referral) {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'READ' and resource_type = "
                + "'referral' and resource_id = ?", Long.class, String.valueOf(referral));
    }

    private static String pseudonym() {
        return "JR-" + System.nanoTime();
    }
}
