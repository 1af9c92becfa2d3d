package nl.passend.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.api.model.ContractDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.support.Api;
import nl.passend.support.FreshDatabase;
import nl.passend.support.IntegrationTest;

/**
 * Contract usage on a crafted joint contract of Apeldoorn and Zutphen (€ 450 a day, volume ceiling 12, budget
 * € 100,000, valid from 100 days ago to 100 days ahead), each figure against a value worked out by hand.
 */
@IntegrationTest
@FreshDatabase
class ContractUsageTests {

    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    static ContractDto contract;

    /**
     * Zutphen: started 10 days ago until 20 days ahead (10 care days, € 4,500 used, € 13,500 committed); ended
     * after 20 days (€ 9,000); accepted for its 182 days, not started, of which 101 fall in the contract (€ 45,450
     * committed). Apeldoorn: started 120
     * days ago, 20 days before the contract, until 5 days ahead (100 care days in the contract, € 45,000 used,
     * € 47,250 committed); five proposals (a place held, nothing committed); one declined (nothing at all).
     */
    @BeforeEach
    void craft() {
        if (contract != null) {
            return;
        }
        ProviderDto provider = api.createProvider();
        OfferDto offer = api.createOffer(Api.offer(api.createLocation(provider, "GM0200").getId(), "43",
                SecurityLevelDto.SEMI_SECURE, 20));
        contract = api.createContract(Api.contract(provider.getId(), "GM0200", Set.of("GM0200", "GM0301"), "43",
                TODAY.minusDays(100), TODAY.plusDays(100)).volumeCeiling(12).budgetCeiling(new BigDecimal("100000")));
        Api officer = api.asOfficer();
        long zutphen = officer.post("/api/v1/referrals", Api.referral("USE-Z")).body().get("id").asLong();
        long apeldoorn = officer.post("/api/v1/referrals", Api.referral("USE-A").replace("\"homeMunicipality\": "
                + "\"GM0301\"", "\"homeMunicipality\": \"GM0200\"")).body().get("id").asLong();

        placement(zutphen, offer, "STARTED", TODAY.minusDays(10), TODAY.plusDays(20), null);
        placement(zutphen, offer, "ENDED", TODAY.minusDays(50), TODAY.minusDays(20), TODAY.minusDays(30));
        placement(zutphen, offer, "ACCEPTED", null, null, null);
        placement(apeldoorn, offer, "STARTED", TODAY.minusDays(120), TODAY.plusDays(5), null);
        for (int i = 0; i < 5; i++) {
            placement(apeldoorn, offer, "PROPOSED", null, null, null);
        }
        placement(apeldoorn, offer, "DECLINED", null, null, null);
    }

    @Test
    void showsPurchasersOfAPartyPlacesCareDaysAndEurosAgainstTheCeilingsAndTheSplit() {
        JsonNode usage = usage(api.asPurchaserOf("GM0200"));

        assertThat(usage.get("reference").asText()).isEqualTo(contract.getReference());
        assertThat(usage.get("volumeCeiling").asInt()).isEqualTo(12);
        assertThat(usage.get("placementsNow").asText()).isEqualTo("8");
        assertThat(usage.get("careDays").asLong()).isEqualTo(130);
        assertThat(usage.get("eurosUsed").asDouble()).isEqualTo(58_500);
        assertThat(usage.get("eurosCommitted").asDouble()).isEqualTo(115_200);
        assertThat(usage.get("budgetCeiling").asDouble()).isEqualTo(100_000);
        assertThat(usage.get("budgetCommittedPercent").asDouble()).as("over budget once all is committed").isEqualTo(115.2);

        JsonNode apeldoorn = usage.get("municipalities").get(0);
        assertThat(apeldoorn.get("municipality").asText()).isEqualTo("GM0200");
        assertThat(apeldoorn.get("placementsNow").asText()).as("6 would give Zutphen's 2 away").isEqualTo("x");
        assertThat(apeldoorn.get("careDays").asLong()).isEqualTo(100);
        assertThat(apeldoorn.get("eurosUsed").asDouble()).isEqualTo(45_000);
        assertThat(apeldoorn.get("eurosCommitted").asDouble()).isEqualTo(47_250);
        assertThat(apeldoorn.get("shareOfCostPercent").asDouble()).isEqualTo(76.9);
        JsonNode zutphen = usage.get("municipalities").get(1);
        assertThat(zutphen.get("placementsNow").asText()).isEqualTo("<5");
        assertThat(zutphen.get("careDays").asLong()).isEqualTo(30);
        assertThat(zutphen.get("eurosUsed").asDouble()).isEqualTo(13_500);
        assertThat(zutphen.get("eurosCommitted").asDouble()).isEqualTo(67_950);
        assertThat(zutphen.get("shareOfCostPercent").asDouble()).isEqualTo(23.1);
    }

    /** Two youths are behind the figures: neither planners nor another municipality's purchasers read their sums. */
    @Test
    void showsEveryoneButThePartiesTheTotalsOnlyWithoutTheSumsOfFewYouths() {
        for (Api caller : new Api[] {api.asPlanner(), api.asPurchaserOf("GM0222")}) {
            JsonNode usage = usage(caller);
            assertThat(usage.get("placementsNow").asText()).isEqualTo("8");
            assertThat(usage.has("careDays")).isFalse();
            assertThat(usage.has("eurosUsed")).isFalse();
            assertThat(usage.has("eurosCommitted")).isFalse();
            assertThat(usage.has("budgetCommittedPercent")).isFalse();
            assertThat(usage.get("municipalities")).isEmpty();
        }
        assertThat(usage(api.asPlanner()).has("budgetCeiling")).isFalse();
        assertThat(usage(api.asPurchaserOf("GM0222")).get("budgetCeiling").asDouble()).isEqualTo(100_000);
    }

    @Test
    void leavesOutContractsNotValidOnTheDayOrWithoutTheMunicipality() {
        Api planner = api.asPlanner();
        assertThat(planner.get("/api/v1/reports/contract-usage?on=" + TODAY.plusDays(101)).body().get("content"))
                .isEmpty();
        assertThat(planner.get("/api/v1/reports/contract-usage?municipality=GM0222").body().get("content")).isEmpty();
        assertThat(planner.get("/api/v1/reports/contract-usage?municipality=GM9999").violatedFields())
                .containsExactly("municipality");
    }

    private static JsonNode usage(Api as) {
        Api.Response response = as.get("/api/v1/reports/contract-usage?municipality=GM0301");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().get("content")).hasSize(1);
        return response.body().get("content").get(0);
    }

    private void placement(long referral, OfferDto offer, String status, LocalDate startedOn, LocalDate expectedEnd,
            LocalDate endedOn) {
        jdbc.update("""
                insert into placement (referral_id, offer_id, contract_id, status, proposed_at, proposed_by, started_on,
                  expected_end, ended_on, version) values (?, ?, ?, ?, ?, 'planner', ?, ?, ?, 0)""",
                referral, offer.getId(), contract.getId(), status, Timestamp.from(Instant.now()), startedOn,
                expectedEnd, endedOn);
    }
}
