package nl.passend.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.api.model.ContractDto;
import nl.passend.api.model.GenderDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.support.Api;
import nl.passend.support.Concurrently;
import nl.passend.support.IntegrationTest;
import nl.passend.support.TableCounts;

/** The probation officer's and the provider's daily work, through the API as the people who do it. */
@IntegrationTest
class PlacementLifecycleTests {

    private static final String PLACEMENTS = "/api/v1/placements";

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    Api officer;
    Api planner;
    Api intake;
    ProviderDto provider;
    OfferDto lvbGroup;
    ContractDto contract;

    /** A semi-secure LVB group in Apeldoorn with two places, bought by Apeldoorn for Zutphen too. */
    @BeforeEach
    void registerSupply() {
        officer = api.asOfficer();
        planner = api.asPlanner();
        provider = api.createProvider();
        intake = api.asIntakeOf(provider);
        lvbGroup = api.createOffer(Api.offer(api.createLocation(provider, "GM0200").getId(), "43",
                SecurityLevelDto.SEMI_SECURE, 2).specialisms(Set.of("LVB")).acceptedGenders(Set.of(GenderDto.MALE)));
        contract = api.createContract(Api.contract(provider.getId(), "GM0200", Set.of("GM0200", "GM0301"), "43",
                LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1)));
    }

    @Test
    void takesAReferralFromReferralToTheEndOfCare() {
        long referral = refer();

        JsonNode proposed = propose(referral, lvbGroup.getId());
        assertThat(proposed.has("needs")).as("a planner sees no youth data").isFalse();
        long first = proposed.get("id").asLong();
        JsonNode proposal = intake.get(PLACEMENTS + "/" + first).body();
        assertThat(proposal.get("needs").get("age").asInt()).isEqualTo(16);
        assertThat(proposal.get("needs").get("gender").asText()).isEqualTo("MALE");
        assertThat(proposal.get("needs").has("contextNote")).as("the note is need-to-know").isFalse();
        assertThat(proposal.toString()).doesNotContain("JR-");
        assertThat(status(referral)).isEqualTo("PROPOSED");

        JsonNode declined = intake.post(PLACEMENTS + "/" + first + "/decline",
                "{\"reason\": \"GROUP_COMPOSITION\", \"version\": 0}").body();
        assertThat(declined.get("status").asText()).isEqualTo("DECLINED");
        assertThat(status(referral)).isEqualTo("OPEN");

        long second = propose(referral, lvbGroup.getId()).get("id").asLong();
        JsonNode accepted = intake.post(PLACEMENTS + "/" + second + "/acceptance", "{\"version\": 0}").body();
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("needs").get("contextNote").asText()).contains("robbery");

        LocalDate startedOn = LocalDate.now().minusDays(150);
        JsonNode started = intake.post(PLACEMENTS + "/" + second + "/start",
                "{\"startedOn\": \"" + startedOn + "\", \"version\": 1}").body();
        assertThat(started.get("expectedEnd").asText()).isEqualTo(startedOn.plusDays(182).toString());
        assertThat(status(referral)).isEqualTo("IN_CARE");

        // Six weeks before the expected end the placement needs an aftercare plan, for both sides.
        assertThat(officer.get("/api/v1/aftercare/due").body().findValuesAsText("placementId"))
                .contains(String.valueOf(second));
        assertThat(intake.get("/api/v1/aftercare/due").body().findValuesAsText("placementId"))
                .contains(String.valueOf(second));
        assertThat(api.asOtherOfficer().get("/api/v1/aftercare/due").body().findValuesAsText("placementId"))
                .doesNotContain(String.valueOf(second));
        Api.Response planned = officer.put(PLACEMENTS + "/" + second + "/aftercare-plan", aftercarePlan(null));
        assertThat(planned.status()).as(planned.body().toString()).isEqualTo(200);
        assertThat(planned.body().get("partners")).hasSize(3);
        assertThat(officer.get("/api/v1/aftercare/due").body().findValuesAsText("placementId"))
                .doesNotContain(String.valueOf(second));
        JsonNode overdue = officer.get("/api/v1/aftercare/overdue-tasks").body();
        assertThat(overdue.findValuesAsText("description")).contains("Find housing near school");
        assertThat(intake.get(PLACEMENTS + "/" + second + "/aftercare-plan").body().get("returnMunicipality")
                .asText()).isEqualTo("GM0301");

        JsonNode ended = intake.post(PLACEMENTS + "/" + second + "/end",
                "{\"endedOn\": \"" + LocalDate.now() + "\", \"reason\": \"31\", \"version\": 2}").body();
        assertThat(ended.get("status").asText()).isEqualTo("ENDED");
        assertThat(ended.get("endReason").asText()).isEqualTo("31");
        assertThat(officer.get("/api/v1/referrals/" + referral + "/history").body().findValuesAsText("status"))
                .containsExactly("OPEN", "PROPOSED", "OPEN", "PROPOSED", "ACCEPTED", "IN_CARE", "COMPLETED");
        assertThat(officer.get(PLACEMENTS + "/" + second).body().get("status").asText()).isEqualTo("ENDED");
        assertThat(freePlaces()).isEqualTo(2);
    }

    @Test
    void refusesStepsOutOfOrderAndNamesTheCurrentStatus() {
        long placement = propose(refer(), lvbGroup.getId()).get("id").asLong();
        String uri = PLACEMENTS + "/" + placement;

        Api.Response early = intake.post(uri + "/start", "{\"startedOn\": \"" + LocalDate.now() + "\", \"version\": 0}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("detail").asText()).contains("PROPOSED");
        assertThat(intake.post(uri + "/end", "{\"endedOn\": \"" + LocalDate.now() + "\", \"reason\": \"31\", "
                + "\"version\": 0}").status()).isEqualTo(409);
        Api.Response withoutNote = intake.post(uri + "/decline", "{\"reason\": \"OTHER\", \"version\": 0}");
        assertThat(withoutNote.violatedFields()).containsExactly("note");

        assertThat(intake.post(uri + "/acceptance", "{\"version\": 0}").status()).isEqualTo(200);
        Api.Response twice = intake.post(uri + "/acceptance", "{\"version\": 1}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("detail").asText()).contains("ACCEPTED");
        assertThat(intake.post(uri + "/decline", "{\"reason\": \"AGE\", \"version\": 0}").status())
                .as("a stale version").isEqualTo(409);
        assertThat(intake.post(uri + "/start", "{\"startedOn\": \"" + LocalDate.now().plusDays(3) + "\", "
                + "\"version\": 1}").violatedFields()).containsExactly("startedOn");
    }

    @Test
    void proposesOnlyWhatFitsAndSaysWhyNot() {
        long referral = refer();
        OfferDto secureElsewhere = api.createOffer(Api.offer(api.createLocation(provider, "GM0150").getId(), "44",
                SecurityLevelDto.OPEN, 5));

        Api.Response misfit = officer.post(PLACEMENTS, input(referral, secureElsewhere.getId()));
        assertThat(misfit.status()).isEqualTo(409);
        assertThat(misfit.body().get("detail").asText()).contains("care type 44", "security level OPEN is below",
                "lacks specialism LVB", "municipality is excluded");
        Api.Response planners = planner.post(PLACEMENTS, input(referral, secureElsewhere.getId()));
        assertThat(planners.status()).isEqualTo(409);
        assertThat(planners.body().get("detail").asText()).as("a planner reads the kinds of rule, no youth data")
                .isEqualTo("Offer " + secureElsewhere.getId() + " under contract " + contract.getReference()
                        + " does not fit referral " + referral + ": the offer does not meet the referral's needs; "
                        + "no contract covers the referral at this place.");
        assertThat(status(referral)).isEqualTo("OPEN");

        Api.Response unknown = planner.post(PLACEMENTS, "{\"referralId\": 987654, \"offerId\": " + lvbGroup.getId()
                + ", \"contractId\": " + contract.getId() + "}");
        assertThat(unknown.violatedFields()).containsExactly("referralId");
    }

    @Test
    void neverGivesAPlaceTwiceNorOverTheContractCeiling() {
        long first = refer();
        long second = refer();
        long third = refer();
        assertThat(propose(first, lvbGroup.getId()).get("status").asText()).isEqualTo("PROPOSED");
        assertThat(propose(second, lvbGroup.getId()).get("status").asText()).isEqualTo("PROPOSED");

        Api.Response full = planner.post(PLACEMENTS, input(third, lvbGroup.getId()));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.body().get("detail").asText()).contains("no free place");
        assertThat(freePlaces()).isZero();
    }

    /** € 450 a day for 182 days is € 81,900 a placement; a budget of € 120,000 pays for one. */
    @Test
    void neverProposesOverTheContractBudget() {
        jdbc.update("update contract set budget_ceiling = 120000 where id = ?", contract.getId());
        propose(refer(), lvbGroup.getId());

        Api.Response over = planner.post(PLACEMENTS, input(refer(), lvbGroup.getId()));
        assertThat(over.status()).isEqualTo(409);
        // The random reference may hold any digits; the rest of the detail names no amount.
        assertThat(over.body().get("detail").asText()).contains("no budget left")
                .satisfies(detail -> assertThat(detail.replace(contract.getReference(), ""))
                        .doesNotContain("€", "120"));
        assertThat(freePlaces()).as("a place is left, the money is not").isEqualTo(1);
    }

    @Test
    void neverPlacesCoDefendantsAtOneLocation() {
        String coDefendant = Api.referral("JR-" + System.nanoTime()).replace("\"contextNote\"",
                "\"coDefendantGroup\": \"ZUT-2026-3\", \"contextNote\"");
        long first = officer.post("/api/v1/referrals", coDefendant.replace("JR-", "JR-A")).body().get("id").asLong();
        long second = officer.post("/api/v1/referrals", coDefendant.replace("JR-", "JR-B")).body().get("id").asLong();
        propose(first, lvbGroup.getId());

        Api.Response together = officer.post(PLACEMENTS, input(second, lvbGroup.getId()));
        assertThat(together.status()).isEqualTo(409);
        assertThat(together.body().get("detail").asText()).contains("co-defendant");
        assertThat(planner.post(PLACEMENTS, input(second, lvbGroup.getId())).body().get("detail").asText())
                .doesNotContain("co-defendant").contains("no contract covers the referral at this place");
    }

    @Test
    void endsOpenProposalsWhenTheReferralIsWithdrawn() {
        long referral = refer();
        long placement = propose(referral, lvbGroup.getId()).get("id").asLong();
        assertThat(freePlaces()).isEqualTo(1);

        Api.Response withdrawn = officer.post("/api/v1/referrals/" + referral + "/withdrawal",
                "{\"reason\": \"The judge lifted the condition\", \"version\": 1}");
        assertThat(withdrawn.status()).as(withdrawn.body().toString()).isEqualTo(200);

        assertThat(intake.get(PLACEMENTS + "/" + placement).body().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(freePlaces()).isEqualTo(2);
        assertThat(intake.post(PLACEMENTS + "/" + placement + "/acceptance", "{\"version\": 1}").status())
                .isEqualTo(409);
    }

    /**
     * Twenty-five proposals were made while the offer had the places; then the provider reported all but one place
     * taken elsewhere. Twenty-five acceptances of those proposals and twenty-five new proposals race for that one
     * place: exactly one of the fifty gets it.
     */
    @Test
    void givesTheLastPlaceToExactlyOneOfFiftyConcurrentAcceptancesAndProposals() throws Exception {
        int racers = 25;
        OfferDto lastPlace = api.createOffer(Api.offer(api.createLocation(provider, "GM0200").getId(), "43",
                SecurityLevelDto.SEMI_SECURE, racers).specialisms(Set.of("LVB")));
        List<Long> proposals = new ArrayList<>();
        List<Long> waiting = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            proposals.add(propose(refer(), lastPlace.getId()).get("id").asLong());
            waiting.add(refer());
        }
        Api.Response reported = intake.put("/api/v1/offers/" + lastPlace.getId() + "/capacity",
                "{\"totalPlaces\": " + racers + ", \"externallyOccupied\": " + (racers - 1) + ", \"version\": 0}");
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(200);

        List<Integer> statuses = Concurrently.run(2 * racers, i -> i % 2 == 0
                ? intake.post(PLACEMENTS + "/" + proposals.get(i / 2) + "/acceptance", "{\"version\": 0}").status()
                : planner.post(PLACEMENTS, input(waiting.get(i / 2), lastPlace.getId())).status());

        assertThat(statuses).filteredOn(status -> status < 300).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(2 * racers - 1);
        assertThat(jdbc.queryForObject("select count(*) from placement where offer_id = ? and status in "
                + "('ACCEPTED', 'STARTED')", Long.class, lastPlace.getId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from placement where offer_id = ?", Long.class,
                lastPlace.getId())).as("no new proposal").isEqualTo(racers);
    }

    @Test
    void keepsAnAftercarePlanFromTheCurrentVersionAndRefusesAnIncompleteOne() {
        long placement = propose(refer(), lvbGroup.getId()).get("id").asLong();
        String uri = PLACEMENTS + "/" + placement + "/aftercare-plan";
        assertThat(officer.put(uri, aftercarePlan(null)).status()).as("only once accepted").isEqualTo(409);
        intake.post(PLACEMENTS + "/" + placement + "/acceptance", "{\"version\": 0}");
        Map<String, Long> before = tables.now();

        assertThat(officer.put(uri, aftercarePlan(null).replaceFirst("(?s)\"partners\": \\[.*?\\],",
                "\"partners\": [],")).violatedFields()).containsExactly("partners");
        assertThat(officer.put(uri, aftercarePlan(null).replace("GM0301", "GM9999")).violatedFields())
                .containsExactly("returnMunicipality");
        assertThat(officer.put(uri, aftercarePlan(null).replace("\"2026", "\"26")).status()).isEqualTo(400);
        assertThat(tables.now()).isEqualTo(before);

        assertThat(officer.put(uri, aftercarePlan(null)).status()).isEqualTo(200);
        assertThat(officer.put(uri, aftercarePlan(null)).violatedFields()).containsExactly("version");
        assertThat(officer.put(uri, aftercarePlan(1L)).status()).isEqualTo(409);
        assertThat(officer.put(uri, aftercarePlan(0L)).body().get("version").asLong()).isEqualTo(1);
        assertThat(intake.put(uri, aftercarePlan(1L)).status()).as("officers plan aftercare").isEqualTo(403);
        assertThat(api.asOtherOfficer().get(uri).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON       | decline    | {"reason": "AGE",                              | body
            unknown reason       | decline    | {"reason": "DONT_LIKE_HIM", "version": 0}      | reason
            missing version      | acceptance | {}                                             | version
            version as text      | acceptance | {"version": "zero"}                            | version
            malformed start date | start      | {"startedOn": "1 December", "version": 0}      | startedOn
            unknown end reason   | end        | {"endedOn": "2026-11-01", "reason": "99", "version": 0} | reason
            oversized note       | decline    | {"reason": "OTHER", "note": "NOTE", "version": 0} | note
            """)
    void refusesInvalidAnswersByFieldAndChangesNothing(String situation, String step, String body, String field) {
        long placement = propose(refer(), lvbGroup.getId()).get("id").asLong();
        Map<String, Long> before = tables.now();
        String uri = PLACEMENTS + "/" + placement + "/" + step;

        Api.Response response = intake.post(uri, body.replace("NOTE", "n".repeat(301)));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.violatedFields()).containsExactly(field);
        assertThat(tables.now()).isEqualTo(before);
        assertThat(intake.get(PLACEMENTS + "/" + placement).body().get("status").asText()).isEqualTo("PROPOSED");
    }

    /** The journey's return to Zutphen: neighbourhood team, police and school, with one task already overdue. */
    private static String aftercarePlan(Long version) {
        return """
                {"returnMunicipality": "GM0301",
                 "partners": [
                   {"kind": "NEIGHBOURHOOD_TEAM", "organisationName": "Sociaal Team Zutphen", "contactName": "Anna Visser",
                    "contactPhone": "0575 123 456"},
                   {"kind": "POLICE", "organisationName": "Politie Oost-Nederland", "contactName": "Wijkagent Bos"},
                   {"kind": "SCHOOL_OR_WORK", "organisationName": "Baudartius College", "contactName": "Mentor Kok",
                    "contactEmail": "mentor@example.org"}],
                 "tasks": [
                   {"description": "Find housing near school", "responsible": "HOUSING", "dueDate": "%s"},
                   {"description": "Arrange a school place", "responsible": "SCHOOL_OR_WORK", "dueDate": "%s"},
                   {"description": "First meeting", "responsible": "POLICE", "dueDate": "%s", "status": "DONE"}]%s}
                """.formatted(LocalDate.now().minusDays(3), LocalDate.now().plusDays(14), LocalDate.now().minusDays(1),
                version == null ? "" : ", \"version\": " + version);
    }

    private long refer() {
        Api.Response referred = officer.post("/api/v1/referrals", Api.referral(
                "JR-" + System.nanoTime()));
        assertThat(referred.status()).as(referred.body().toString()).isEqualTo(201);
        return referred.body().get("id").asLong();
    }

    private JsonNode propose(long referral, long offer) {
        Api.Response proposed = planner.post(PLACEMENTS, input(referral, offer));
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(201);
        return proposed.body();
    }

    private String input(long referral, long offer) {
        return "{\"referralId\": " + referral + ", \"offerId\": " + offer + ", \"contractId\": " + contract.getId() + "}";
    }

    private String status(long referral) {
        return officer.get("/api/v1/referrals/" + referral).body().get("status").asText();
    }

    private int freePlaces() {
        return planner.get("/api/v1/offers/" + lvbGroup.getId()).body().get("freePlaces").asInt();
    }
}
