package nl.passend.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.api.model.ContractDto;
import nl.passend.api.model.GenderDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.support.Api;
import nl.passend.support.FreshDatabase;
import nl.passend.support.IntegrationTest;
import nl.passend.support.TableCounts;

/**
 * What-if scenarios and purchase advice on a crafted shortage: seven Zutphen youths wait for the one place of a
 * semi-secure LVB group in Apeldoorn (contracted for Zutphen at € 450 a day, stays of 182 days).
 */
@IntegrationTest
@FreshDatabase
class ScenarioTests {

    private static final String REGION = "MIDDEN_IJSSEL_OOST_VELUWE";
    private static final List<String> REAL_TABLES = List.of("offer", "contract", "contract_municipality",
            "contract_care_type", "referral", "referral_status_change", "placement");

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    static OfferDto offer;

    @BeforeEach
    void craft() {
        if (offer != null) {
            return;
        }
        ProviderDto provider = api.createProvider();
        offer = api.createOffer(Api.offer(api.createLocation(provider, "GM0200").getId(), "43",
                SecurityLevelDto.SEMI_SECURE, 1).specialisms(Set.of("LVB")).acceptedGenders(Set.of(GenderDto.MALE)));
        ContractDto contract = api.createContract(Api.contract(provider.getId(), "GM0200", Set.of("GM0200", "GM0301"),
                "43", LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1)));
        assertThat(contract.getId()).isPositive();
        for (int i = 0; i < 7; i++) {
            api.asOfficer().post("/api/v1/referrals", Api.referral("SCN-" + i));
        }
    }

    @Test
    void answersWhatMorePlacesWouldChangeWithoutTouchingRealData() throws InterruptedException {
        Map<String, Long> counts = tables.now();
        Map<String, List<Map<String, Object>>> rows = realRows();

        Api purchaser = api.asPurchaserOf("GM0200");
        Api.Response started = purchaser.post("/api/v1/scenarios", """
                {"youthRegion": "%s", "timeLimitSeconds": 1,
                 "changes": [{"kind": "EXTRA_PLACES", "offerId": %d, "places": 6}]}""".formatted(REGION, offer.getId()));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        long id = started.body().get("id").asLong();
        JsonNode result = awaitDone(purchaser, "/api/v1/scenarios/" + id).get("result");

        assertThat(result.get("placedMore").asText()).isEqualTo("+6");
        assertThat(result.get("placedMoreByUrgency").get("HIGH").asText()).isEqualTo("+6");
        assertThat(result.get("costPerYearChange").asDouble()).isEqualTo(6 * 450.0 * 182);
        assertThat(result.get("distanceChangeKm").asLong())
                .isEqualTo(6 * result.get("today").get("totalDistanceKm").asLong()).isPositive();
        assertThat(result.get("today").get("unplacedByUrgency").get("HIGH").asText()).isEqualTo("6");
        assertThat(result.get("today").get("placedByUrgency").get("HIGH").asText()).isEqualTo("<5");
        assertThat(result.get("changed").get("unplacedByUrgency").get("HIGH").asText()).isEqualTo("0");
        assertThat(result.get("remainingGaps")).isEmpty();

        JsonNode asPlanner = api.asPlanner().get("/api/v1/scenarios/" + id).body().get("result");
        assertThat(asPlanner.has("costPerYearChange")).as("euros for purchasers only").isFalse();
        assertThat(asPlanner.get("today").has("costPerYear")).isFalse();

        assertThat(tables.now()).as("no real row added or removed").isEqualTo(counts);
        assertThat(realRows()).as("no real row changed").isEqualTo(rows);
    }

    @Test
    void advisesExtraPlacesThatPlaceTheYouthsItPromises() throws InterruptedException {
        Api purchaser = api.asPurchaserOf("GM0200");
        Api.Response queued = purchaser.post("/api/v1/purchase-advice", "{\"youthRegion\": \"" + REGION + "\"}");
        assertThat(queued.status()).as(queued.body().toString()).isEqualTo(202);
        assertThat(queued.body().get("status").asText()).isEqualTo("QUEUED");
        assertThat(queued.body().has("result")).isFalse();
        long id = queued.body().get("id").asLong();
        JsonNode advice = awaitDone(purchaser, "/api/v1/purchase-advice/" + id).get("result");

        assertThat(advice.get("youthRegion").asText()).isEqualTo(REGION);
        assertThat(advice.get("candidates")).hasSize(1);
        JsonNode best = advice.get("candidates").get(0);
        assertThat(best.get("rank").asInt()).isEqualTo(1);
        assertThat(best.get("reason").asText()).isEqualTo("NO_CAPACITY");
        assertThat(best.get("careType").asText()).isEqualTo("43");
        assertThat(best.get("unplaced").asInt()).isEqualTo(6);
        assertThat(best.get("change").get("kind").asText()).isEqualTo("EXTRA_PLACES");
        assertThat(best.get("change").get("offerId").asLong()).isEqualTo(offer.getId());
        assertThat(best.get("change").get("places").asInt()).isEqualTo(6);
        assertThat(best.get("placedMore").asText()).isEqualTo("+6");
        assertThat(best.get("costPerYearChange").asDouble()).isEqualTo(6 * 450.0 * 182);
        assertThat(best.get("youthsPerMillionEurosPerYear").asDouble())
                .isEqualTo(Math.round(6 * 1_000_000 * 100.0 / (6 * 450 * 182)) / 100.0);
        assertThat(advice.get("today").has("costPerYear")).isTrue();

        Api.Response tried = api.asPlanner().post("/api/v1/scenarios", """
                {"youthRegion": "%s", "timeLimitSeconds": 1, "changes": [%s]}""".formatted(REGION, best.get("change")));
        JsonNode result = awaitDone(api.asPlanner(), "/api/v1/scenarios/" + tried.body().get("id").asLong())
                .get("result");
        assertThat(result.get("placedMore").asText()).as("the youths the advice promised")
                .isEqualTo(best.get("placedMore").asText());

        JsonNode asPlanner = api.asPlanner().get("/api/v1/purchase-advice/" + id).body().get("result");
        assertThat(asPlanner.get("candidates").get(0).get("placedMore").asText()).isEqualTo("+6");
        assertNoEuros(asPlanner);
    }

    @Test
    void showsNoEurosOfAdviceThatAPlannerAskedForNotEvenToAPurchaser() throws InterruptedException {
        Api.Response queued = api.asPlanner().post("/api/v1/purchase-advice", "{\"youthRegion\": \"" + REGION + "\"}");
        assertThat(queued.status()).as(queued.body().toString()).isEqualTo(202);
        String path = "/api/v1/purchase-advice/" + queued.body().get("id").asLong();

        JsonNode asPlanner = awaitDone(api.asPlanner(), path).get("result");
        assertThat(asPlanner.get("candidates").get(0).get("placedMore").asText()).isEqualTo("+6");
        assertNoEuros(asPlanner);
        assertNoEuros(api.asPurchaserOf("GM0200").get(path).body().get("result"));
        assertThat(jdbc.queryForObject("select count(*) from purchase_advice where result_with_euros is not null "
                + "and requested_by = 'planner'", Long.class)).as("no euros kept for a planner's advice").isZero();
    }

    @Test
    void givesNoAdviceForAGapOfFewerThanFiveYouths() throws InterruptedException {
        Api.Response queued = api.asPlanner().post("/api/v1/purchase-advice", "{\"youthRegion\": \"ACHTERHOEK\"}");
        JsonNode advice = awaitDone(api.asPlanner(), "/api/v1/purchase-advice/" + queued.body().get("id").asLong());
        assertThat(advice.get("result").get("candidates")).isEmpty();
    }

    @Test
    void refusesAdviceForAnUnknownRegionAndListsTheAdviceAskedFor() {
        Api.Response refused = api.asPlanner().post("/api/v1/purchase-advice", "{\"youthRegion\": \"ATLANTIS\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.violatedFields()).containsExactly("youthRegion");
        assertThat(api.asPlanner().get("/api/v1/purchase-advice/999999").status()).isEqualTo(404);

        Api.Response queued = api.asPlanner().post("/api/v1/purchase-advice", "{\"youthRegion\": \"ACHTERHOEK\"}");
        JsonNode listed = api.asPurchaserOf("GM0200").get("/api/v1/purchase-advice?size=1").body();
        assertThat(listed.get("content").get(0).get("id").asLong()).as("newest first")
                .isEqualTo(queued.body().get("id").asLong());
        assertThat(listed.get("content").get(0).has("result")).as("the list leaves the advice out").isFalse();
    }

    @Test
    void refusesAChangeWithoutWhatItsKindNeedsOrNamingNothingReal() {
        Api.Response refused = api.asPlanner().post("/api/v1/scenarios", """
                {"changes": [{"kind": "EXTRA_PLACES", "offerId": 999999}, {"kind": "NEW_OFFER", "careType": "43"},
                             {"kind": "RAISED_CEILING", "contractId": 999999}]}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.violatedFields()).containsExactlyInAnyOrder("changes[0].places", "changes[0].offerId",
                "changes[1].securityLevel", "changes[1].municipality", "changes[1].places", "changes[1].dailyTariff",
                "changes[2].contractId", "changes[2].volumeCeiling");
        assertThat(api.asPlanner().post("/api/v1/scenarios", "{\"changes\": []}").violatedFields())
                .containsExactly("changes");
        assertThat(api.asPlanner().post("/api/v1/scenarios", """
                {"changes": [null, {"kind": "CONTRACT_EXTENSION", "contractId": 999999, "municipalities": null,
                                    "careTypes": null}]}""").violatedFields())
                .as("nulls are refused or read as empty, never a 500").containsExactly("changes[0]");
    }

    /** Polls the scenario or advice at this path until it is DONE. */
    private static JsonNode awaitDone(Api as, String path) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = as.get(path).body();
            String status = job.get("status").asText();
            if (status.equals("DONE")) {
                return job;
            }
            assertThat(status).as(job.toString()).isNotEqualTo("FAILED");
            Thread.sleep(200);
        }
        throw new AssertionError(path + " did not finish within a minute");
    }

    /** Advice as a planner, or anyone reading a planner's advice, sees it: no tariff, budget, cost or ranking. */
    private static void assertNoEuros(JsonNode advice) {
        assertThat(advice.get("today").has("costPerYear")).isFalse();
        for (JsonNode candidate : advice.get("candidates")) {
            assertThat(candidate.has("costPerYearChange")).as(candidate.toString()).isFalse();
            assertThat(candidate.has("youthsPerMillionEurosPerYear")).as(candidate.toString()).isFalse();
            assertThat(candidate.get("change").has("dailyTariff")).isFalse();
            assertThat(candidate.get("change").has("budgetCeiling")).isFalse();
            assertThat(candidate.get("description").asText()).doesNotContain("€");
        }
    }

    private Map<String, List<Map<String, Object>>> realRows() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        REAL_TABLES.forEach(table -> rows.put(table, jdbc.queryForList("select * from " + table + " order by 1")));
        return rows;
    }
}
