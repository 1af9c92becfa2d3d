package nl.passend.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import nl.passend.support.IntegrationTest;

/** The probation officer's and the provider's daily work, through the API as the people who do it. */
@IntegrationTest
class PlacementLifecycleTests {

    private static final String PLACEMENTS = "/api/v1/placements";

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

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

        long first = propose(referral, lvbGroup.getId()).get("id").asLong();
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

        JsonNode started = intake.post(PLACEMENTS + "/" + second + "/start",
                "{\"startedOn\": \"" + LocalDate.now() + "\", \"version\": 1}").body();
        assertThat(started.get("expectedEnd").asText()).isEqualTo(LocalDate.now().plusDays(182).toString());
        assertThat(status(referral)).isEqualTo("IN_CARE");

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

        Api.Response misfit = planner.post(PLACEMENTS, "{\"referralId\": " + referral + ", \"offerId\": "
                + secureElsewhere.getId() + ", \"contractId\": " + contract.getId() + "}");
        assertThat(misfit.status()).isEqualTo(409);
        assertThat(misfit.body().get("detail").asText()).contains("care type 44", "security level OPEN is below",
                "lacks specialism LVB", "Deventer is excluded");
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

    @Test
    void givesTheLastPlaceToExactlyOneOfTwentyConcurrentProposals() throws Exception {
        OfferDto lastPlace = api.createOffer(Api.offer(api.createLocation(provider, "GM0200").getId(), "43",
                SecurityLevelDto.SEMI_SECURE, 3).externallyOccupied(2).specialisms(Set.of("LVB")));
        List<Long> referrals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            referrals.add(refer());
        }

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (long referral : referrals) {
                Callable<Integer> proposal = () -> {
                    start.await();
                    return planner.post(PLACEMENTS, input(referral, lastPlace.getId())).status();
                };
                answers.add(pool.submit(proposal));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(19);
        assertThat(jdbc.queryForObject("select count(*) from placement where offer_id = ? and status in "
                + "('PROPOSED', 'ACCEPTED', 'STARTED')", Long.class, lastPlace.getId())).isEqualTo(1);
        assertThat(api.asPlanner().get("/api/v1/offers/" + lastPlace.getId()).body().get("freePlaces").asInt())
                .isZero();
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
