package nl.passend.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.security.Actor;
import nl.passend.security.Role;
import nl.passend.support.Api;
import nl.passend.support.FreshDatabase;
import nl.passend.support.IntegrationTest;

/**
 * The planner's weekly routine on the Oost-Nederland demo data, through the API: start a run, wait for it, apply it,
 * and see the proposals reach the providers; the officer reads why.
 */
@IntegrationTest
@FreshDatabase(demo = true)
class MatchingRunTests {

    private static final String RUNS = "/api/v1/matching-runs";
    private static final long JEUGDRECLASSERING_GELDERLAND = 30;

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void matchesTheDemoRegionAppliesTheProposalsAndExplainsThem() throws InterruptedException {
        Api planner = api.asPlanner();
        int open = jdbc.queryForObject("select count(*) from referral where status = 'OPEN'", Integer.class);
        assertThat(open).isPositive();

        Api.Response started = planner.post(RUNS, Map.of("timeLimitSeconds", 2));
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().get("status").asText()).isIn("QUEUED", "SOLVING");
        long id = started.body().get("id").asLong();

        Api.Response overlapping = planner.post(RUNS, Map.of("youthRegion", "MIDDEN_IJSSEL_OOST_VELUWE"));
        assertThat(overlapping.status()).as("a run over all regions covers this one").isEqualTo(409);
        assertThat(overlapping.body().get("detail").asText()).contains("Matching run " + id);

        JsonNode run = awaitFinished(planner, id);
        assertThat(run.get("status").asText()).isEqualTo("DONE");
        assertThat(run.get("bestScore").get("hard").asLong()).isZero();
        assertThat(run.get("elapsedMillis").asLong()).isPositive();
        // The demo region is small enough to prove: the run stops once its answer is proven the best there is.
        JsonNode optimality = run.get("optimality");
        assertThat(optimality.get("provenOptimal").asBoolean()).isTrue();
        assertThat(optimality.get("mediumBound").asLong()).isEqualTo(run.get("bestScore").get("medium").asLong());
        assertThat(optimality.get("softBound").asLong()).isEqualTo(run.get("bestScore").get("soft").asLong());
        assertThat(optimality.get("mediumGapPercent").asDouble()).isZero();
        assertThat(optimality.get("summary").asText()).startsWith("Proven optimal");
        JsonNode result = run.get("result");
        assertThat(result.get("referrals").asInt()).isEqualTo(open);
        int placed = sum(result.get("placedByUrgency"));
        assertThat(placed + sum(result.get("unplacedByUrgency"))).isEqualTo(open);
        assertThat(result.get("assignments")).hasSize(placed);
        assertThat(placed).as("the demo region has free places for some of its open referrals").isPositive();
        assertThat(run.toString()).as("a planner sees ids and counts, never a youth").doesNotContain("JR-", "birth");

        // The officer reads why; another office does not even learn the referral exists.
        Api officer = api.as(new Actor("jr.gelderland", Role.PROBATION_OFFICER, JEUGDRECLASSERING_GELDERLAND));
        long ownReferral = jdbc.queryForObject("""
                select min(o.referral_id) from matching_outcome o join referral r on r.id = o.referral_id
                where o.run_id = ? and r.organisation_id = ?""", Long.class, id, JEUGDRECLASSERING_GELDERLAND);
        JsonNode explanation = officer.get("/api/v1/referrals/" + ownReferral + "/explanation").body();
        assertThat(explanation.get("runId").asLong()).isEqualTo(id);
        assertThat(explanation.get("summary").asText()).matches("(Placed at offer \\d+ in .+ km from home.*"
                + "|No place now \\(\\w+\\): .+)");
        assertThat(api.asOtherOfficer().get("/api/v1/referrals/" + ownReferral + "/explanation").status())
                .isEqualTo(404);
        // A youth left without a place while offers fit: the officer reads that no better answer exists.
        long waitingForRoom = jdbc.queryForObject("""
                select min(o.referral_id) from matching_outcome o join referral r on r.id = o.referral_id
                where o.run_id = ? and r.organisation_id = ? and o.unmet_reason in ('NO_CAPACITY', 'CEILING')""",
                Long.class, id, JEUGDRECLASSERING_GELDERLAND);
        assertThat(officer.get("/api/v1/referrals/" + waitingForRoom + "/explanation").body().get("summary").asText())
                .contains("No better answer exists: this run is proven optimal");

        // One offer changes after the run: its assignment is skipped, the others become proposals.
        JsonNode changed = run.get("result").get("assignments").get(0);
        jdbc.update("update offer set version = version + 1 where id = ?", changed.get("offerId").asLong());

        JsonNode applied = planner.post(RUNS + "/" + id + "/apply", Map.of()).body();
        assertThat(applied.get("skipped")).anySatisfy(skipped -> {
            assertThat(skipped.get("referralId").asLong()).isEqualTo(changed.get("referralId").asLong());
            assertThat(skipped.get("reason").asText()).contains("changed since the run");
        });
        assertThat(applied.get("proposed").size() + applied.get("skipped").size()).isEqualTo(placed);
        assertThat(applied.get("proposed")).isNotEmpty();
        for (JsonNode proposal : applied.get("proposed")) {
            long placement = proposal.get("placementId").asLong();
            long provider = jdbc.queryForObject("""
                    select p.organisation_id from placement pl join offer o on o.id = pl.offer_id
                    join location l on l.id = o.location_id join provider p on p.id = l.provider_id
                    where pl.id = ?""", Long.class, placement);
            JsonNode seen = api.as(new Actor("intake", Role.PROVIDER_INTAKE, provider))
                    .get("/api/v1/placements/" + placement).body();
            assertThat(seen.get("status").asText()).isEqualTo("PROPOSED");
            assertThat(seen.get("referralId").asLong()).isEqualTo(proposal.get("referralId").asLong());
        }

        Api.Response again = planner.post(RUNS + "/" + id + "/apply", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asText()).contains("applied once");
        assertThat(planner.get(RUNS + "/" + id).body().get("appliedBy").asText()).isEqualTo("test.planner");
    }

    @Test
    void refusesAnUnknownRegionAndATimeLimitOutOfRange() {
        Api planner = api.asPlanner();
        Api.Response unknown = planner.post(RUNS, Map.of("youthRegion", "ATLANTIS"));
        assertThat(unknown.is(HttpStatus.BAD_REQUEST)).isTrue();
        assertThat(unknown.violatedFields()).containsExactly("youthRegion");
        Api.Response tooLong = planner.post(RUNS, Map.of("timeLimitSeconds", 301));
        assertThat(tooLong.is(HttpStatus.BAD_REQUEST)).isTrue();
        assertThat(tooLong.violatedFields()).containsExactly("timeLimitSeconds");
        assertThat(planner.get(RUNS + "/999999").status()).isEqualTo(404);
    }

    @Test
    void explainsNothingBeforeARunHasMatchedTheReferral() {
        Api officer = api.asOfficer();
        long referral = officer.post("/api/v1/referrals", Api.referral(Api.unique("P").replace(' ', '-')))
                .body().get("id").asLong();
        Api.Response none = officer.get("/api/v1/referrals/" + referral + "/explanation");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).contains("application/problem+json");
    }

    private static JsonNode awaitFinished(Api planner, long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = planner.get(RUNS + "/" + id).body();
            String status = run.get("status").asText();
            seen.add(status);
            if (status.equals("DONE") || status.equals("FAILED")) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Run " + id + " did not finish within a minute; statuses seen: " + seen);
    }

    private static int sum(JsonNode urgencyCounts) {
        return urgencyCounts.get("CRISIS").asInt() + urgencyCounts.get("HIGH").asInt()
                + urgencyCounts.get("NORMAL").asInt();
    }
}
