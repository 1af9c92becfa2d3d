package nl.passend.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
 * The gap report on crafted runs and history, each figure against a value worked out by hand, with the small-cell
 * protection applied.
 */
@IntegrationTest
@FreshDatabase
class GapReportTests {

    private static final String MIJ = "MIDDEN_IJSSEL_OOST_VELUWE";
    private static final String ACHTERHOEK = "ACHTERHOEK";

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    static boolean crafted;
    static List<Long> referrals = new ArrayList<>();

    /**
     * Run 1 over all regions, then run 2 over the Achterhoek only, then a failed run 3. Midden-IJssel comes from
     * run 1: care type 43 at security level 2 left 7 youths unplaced (5 for lack of capacity, 2 for lack of a
     * contract; 4 of high urgency, 3 normal; waiting 1, 2, 3, 10, 20, 30 and 40 days), care type 46 at level 3
     * left 3 in crisis at a ceiling, and one youth was placed. The Achterhoek comes from run 2: 5 of care type 43
     * at level 2 without a contract (run 1's 6 without an offer there are outdated).
     */
    @BeforeEach
    void craft() {
        if (crafted) {
            return;
        }
        crafted = true;
        Api officer = api.asOfficer();
        for (int i = 0; i < 17; i++) {
            referrals.add(officer.post("/api/v1/referrals", Api.referral("GAP-" + i)).body().get("id").asLong());
        }
        Instant now = Instant.now();
        run(1, null, "DONE", now.minus(2, ChronoUnit.HOURS));
        run(2, ACHTERHOEK, "DONE", now.minus(1, ChronoUnit.HOURS));
        run(3, null, "FAILED", null);
        int[] days = {1, 2, 3, 10, 20, 30, 40};
        for (int i = 0; i < 7; i++) {
            outcome(1, i, MIJ, "43", 2, i < 4 ? "HIGH" : "NORMAL", i < 5 ? "NO_CAPACITY" : "NO_CONTRACT", days[i]);
        }
        for (int i = 7; i < 10; i++) {
            outcome(1, i, MIJ, "46", 3, "CRISIS", "CEILING", 5);
        }
        outcome(1, 10, MIJ, "43", 2, "HIGH", null, 3);
        for (int i = 11; i < 17; i++) {
            outcome(1, i, ACHTERHOEK, "43", 2, "NORMAL", "NO_OFFER", 8);
        }
        for (int i = 0; i < 5; i++) {
            outcome(2, i, ACHTERHOEK, "43", 2, "NORMAL", "NO_CONTRACT", 9);
        }
        craftHistory();
    }

    @Test
    void showsUnmetDemandOfTheLatestRunPerRegionWithSmallCountsProtected() {
        JsonNode report = gaps("");

        assertThat(report.get("runs")).as("every region, each from its latest run").hasSize(9)
                .anySatisfy(run -> assertThat(run.toString()).contains(ACHTERHOEK, "\"runId\":2"))
                .anySatisfy(run -> assertThat(run.toString()).contains(MIJ, "\"runId\":1"))
                .noneSatisfy(run -> assertThat(run.get("runId").asLong()).isEqualTo(3));
        JsonNode unmet = report.get("unmet");
        assertThat(unmet).hasSize(3);
        JsonNode achterhoek = unmet.get(0);
        assertThat(achterhoek.get("youthRegion").asText()).isEqualTo(ACHTERHOEK);
        assertThat(achterhoek.get("unplaced").asText()).isEqualTo("5");
        assertThat(achterhoek.get("byReason").get("NO_CONTRACT").asText()).isEqualTo("5");
        assertThat(achterhoek.get("byReason").get("NO_OFFER").asText()).isEqualTo("0");

        JsonNode lvb = unmet.get(1);
        assertThat(lvb.get("careType").asText()).isEqualTo("43");
        assertThat(lvb.get("minSecurityLevel").asText()).isEqualTo("SEMI_SECURE");
        assertThat(lvb.get("unplaced").asText()).isEqualTo("7");
        assertThat(lvb.get("byReason").get("NO_CONTRACT").asText()).isEqualTo("<5");
        assertThat(lvb.get("byReason").get("NO_CAPACITY").asText())
                .as("5 would give the <5 away as 7 - 5").isEqualTo("x");
        assertThat(lvb.get("byUrgency").get("HIGH").asText()).isEqualTo("<5");
        assertThat(lvb.get("byUrgency").get("NORMAL").asText()).isEqualTo("<5");
        assertThat(lvb.get("byUrgency").get("CRISIS").asText()).isEqualTo("0");
        assertThat(lvb.get("medianDaysWaiting").asInt()).isEqualTo(10);
        assertThat(lvb.get("p90DaysWaiting").asInt()).isEqualTo(40);

        JsonNode crisis = unmet.get(2);
        assertThat(crisis.get("careType").asText()).isEqualTo("46");
        assertThat(crisis.get("unplaced").asText()).isEqualTo("<5");
        assertThat(crisis.get("byReason").get("CEILING").asText()).isEqualTo("<5");
        assertThat(crisis.has("medianDaysWaiting")).as("no waiting days for a group of 3").isFalse();
    }

    @Test
    void countsWaitingDeclinesAndEarlyEndsOverThePeriod() {
        JsonNode report = gaps("?waitingLongerThanDays=28");

        assertThat(report.get("until").asText()).isEqualTo(LocalDate.now().toString());
        assertThat(report.get("from").asText()).isEqualTo(LocalDate.now().minusDays(90).toString());
        assertThat(report.get("waitedLong")).singleElement().satisfies(row -> {
            assertThat(row.get("youthRegion").asText()).isEqualTo(MIJ);
            assertThat(row.get("careType").asText()).isEqualTo("43");
            assertThat(row.get("referrals").asText()).as("6 made 40 days ago, one of which was accepted on day 2")
                    .isEqualTo("5");
        });
        assertThat(report.get("declines").get("total").asText()).isEqualTo("8");
        assertThat(report.get("declines").get("byCode").get("AGE").asText()).isEqualTo("<5");
        assertThat(report.get("declines").get("byCode").get("CAPACITY_FULL").asText()).isEqualTo("x");
        assertThat(report.get("endedEarly").get("total").asText()).isEqualTo("<5");
        assertThat(report.get("endedEarly").get("byCode").get("32").asText()).isEqualTo("<5");
        assertThat(report.get("endedEarly").get("byCode").has("31"))
                .as("a placement that ended on its expected end did not end early").isFalse();
    }

    @Test
    void filtersByRegionAndCareType() {
        JsonNode report = gaps("?youthRegion=" + MIJ + "&careType=46");
        assertThat(report.get("runs").findValuesAsText("runId")).containsExactly("1");
        assertThat(report.get("unmet")).singleElement()
                .satisfies(row -> assertThat(row.get("careType").asText()).isEqualTo("46"));
        assertThat(report.get("waitedLong")).isEmpty();
        assertThat(report.get("declines").get("total").asText()).isEqualTo("0");
    }

    @Test
    void answersSpreadsheetsWithOneLongTable() {
        String csv = api.asPlanner().getText("/api/v1/reports/gaps?youthRegion=" + MIJ, "text/csv");
        assertThat(csv.lines().findFirst()).hasValue("part,youthRegion,careType,minSecurityLevel,measure,value");
        assertThat(csv).contains(MIJ + ",43,SEMI_SECURE,reason:NO_CAPACITY,x")
                .contains(MIJ + ",43,SEMI_SECURE,medianDaysWaiting,10")
                .contains("declines,,,,total,8");
    }

    @Test
    void refusesAReversedPeriodAndUnknownCodes() {
        Api planner = api.asPlanner();
        assertThat(planner.get("/api/v1/reports/gaps?from=2026-10-01&until=2026-09-01").violatedFields())
                .containsExactly("from");
        assertThat(planner.get("/api/v1/reports/gaps?youthRegion=ATLANTIS").violatedFields())
                .containsExactly("youthRegion");
        assertThat(planner.get("/api/v1/reports/gaps?careType=99").violatedFields()).containsExactly("careType");
        assertThat(planner.get("/api/v1/reports/gaps?waitingLongerThanDays=0").violatedFields())
                .containsExactly("waitingLongerThanDays");
    }

    private JsonNode gaps(String query) {
        Api.Response response = api.asPlanner().get("/api/v1/reports/gaps" + query);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private void run(long id, String region, String status, Instant finishedAt) {
        jdbc.update("""
                insert into matching_run (id, youth_region_code, status, time_limit_seconds, requested_by, requested_at,
                  finished_at, version) values (?, ?, ?, 10, 'planner', ?, ?, 0)""", id, region, status,
                Timestamp.from(Instant.now()), finishedAt == null ? null : Timestamp.from(finishedAt));
    }

    private void outcome(long run, int referral, String region, String careType, int level, String urgency,
            String reason, int daysWaiting) {
        jdbc.update("""
                insert into matching_outcome (run_id, referral_id, urgency, youth_region_code, care_type_code,
                  min_security_level, days_waiting, unmet_reason, explanation) values (?, ?, ?, ?, ?, ?, ?, ?, '{}')""",
                run, referrals.get(referral), urgency, region, careType, level, daysWaiting, reason);
    }

    /**
     * Six referrals made 40 days ago, one of them accepted on day 2; eight declines in the period (six for a full
     * group, two for age) and one long before; one placement ended early (reason 32), one on its expected end.
     */
    private void craftHistory() {
        Instant fortyDaysAgo = Instant.now().minus(40, ChronoUnit.DAYS);
        for (int i = 0; i < 6; i++) {
            jdbc.update("update referral set created_at = ? where id = ?", Timestamp.from(fortyDaysAgo),
                    referrals.get(i));
        }
        jdbc.update("""
                insert into referral_status_change (referral_id, status, changed_at, changed_by)
                values (?, 'ACCEPTED', ?, 'intake')""", referrals.get(0),
                Timestamp.from(fortyDaysAgo.plus(2, ChronoUnit.DAYS)));

        ProviderDto provider = api.createProvider();
        OfferDto offer = api.createOffer(Api.offer(api.createLocation(provider, "GM0200").getId(), "43",
                SecurityLevelDto.SEMI_SECURE, 20));
        ContractDto contract = api.createContract(Api.contract(provider.getId(), "GM0200", Set.of("GM0200", "GM0301"),
                "43", LocalDate.now().minusYears(1), LocalDate.now().plusYears(1)));
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS);
        for (int i = 0; i < 9; i++) {
            String reason = i < 6 ? "CAPACITY_FULL" : "AGE";
            Instant decided = i < 8 ? lastWeek : Instant.now().minus(200, ChronoUnit.DAYS);
            jdbc.update("""
                    insert into placement (referral_id, offer_id, contract_id, status, proposed_at, proposed_by,
                      decided_at, decline_reason, version) values (?, ?, ?, 'DECLINED', ?, 'planner', ?, ?, 0)""",
                    referrals.get(11), offer.getId(), contract.getId(), Timestamp.from(decided),
                    Timestamp.from(decided), reason);
        }
        LocalDate tenDaysAgo = LocalDate.now().minusDays(10);
        ended(referrals.get(12), offer.getId(), contract.getId(), tenDaysAgo, tenDaysAgo.plusDays(30), "32");
        ended(referrals.get(13), offer.getId(), contract.getId(), tenDaysAgo, tenDaysAgo, "31");
    }

    private void ended(long referral, long offer, long contract, LocalDate endedOn, LocalDate expectedEnd,
            String reason) {
        jdbc.update("""
                insert into placement (referral_id, offer_id, contract_id, status, proposed_at, proposed_by, decided_at,
                  started_on, expected_end, ended_on, end_reason, version)
                values (?, ?, ?, 'ENDED', ?, 'planner', ?, ?, ?, ?, ?, 0)""", referral, offer, contract,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), endedOn.minusDays(60), expectedEnd,
                endedOn, reason);
    }
}
