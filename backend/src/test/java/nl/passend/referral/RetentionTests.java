package nl.passend.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import nl.passend.support.IntegrationTest;

/**
 * Retention (AVG): a referral closed longer than the term (two years by default) loses what identifies the youth,
 * once, with an audit event by the system; what reports count stays, and a referral closed more recently, or a youth
 * with a referral still in use, keeps it.
 */
@IntegrationTest
class RetentionTests {

    private static final String PLACEMENTS = "/api/v1/placements";

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Retention retention;

    Api officer;
    Api intake;
    OfferDto offer;
    ContractDto contract;

    @BeforeEach
    void registerSupply() {
        officer = api.asOfficer();
        ProviderDto provider = api.createProvider();
        intake = api.asIntakeOf(provider);
        offer = api.createOffer(Api.offer(api.createLocation(provider, "GM0200").getId(), "43",
                SecurityLevelDto.SEMI_SECURE, 5).specialisms(Set.of("LVB")).acceptedGenders(Set.of(GenderDto.MALE)));
        contract = api.createContract(Api.contract(provider.getId(), "GM0200", Set.of("GM0200", "GM0301"), "43",
                LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1)));
    }

    @Test
    void erasesWhatIdentifiesTheYouthOfAReferralClosedLongerThanTheTermOnceWithAnAuditEvent() {
        String pseudonym = "JR-" + System.nanoTime();
        long old = refer(pseudonym);
        long placement = acceptedPlacement(old);
        assertThat(officer.put(PLACEMENTS + "/" + placement + "/aftercare-plan", AFTERCARE_PLAN).status())
                .isEqualTo(200);
        withdraw(old);
        closedDaysAgo(old, 731);
        long recent = refer("JR-" + System.nanoTime());
        withdraw(recent);
        closedDaysAgo(recent, 700);
        long events = erasures();

        assertThat(retention.eraseDue()).isEqualTo(1);

        JsonNode erased = officer.get("/api/v1/referrals/" + old).body();
        assertThat(erased.get("erasedAt").isTextual()).isTrue();
        assertThat(erased.get("youth").has("pseudonym")).isFalse();
        assertThat(erased.get("youth").has("birthDate")).isFalse();
        assertThat(erased.get("youth").get("birthYear").asInt()).isEqualTo(LocalDate.now().minusYears(16).minusMonths(3).getYear());
        assertThat(erased.get("youth").get("gender").asText()).as("what reports count stays").isEqualTo("MALE");
        assertThat(erased.get("careType").asText()).isEqualTo("43");
        assertThat(erased.has("contextNote")).isFalse();
        assertThat(erased.has("coDefendantGroup")).isFalse();
        JsonNode history = officer.get("/api/v1/referrals/" + old + "/history").body();
        assertThat(history.findValuesAsText("status")).contains("OPEN", "WITHDRAWN");
        assertThat(history.toString()).as("the reasons are free text").doesNotContain("Lochem");
        JsonNode plan = officer.get(PLACEMENTS + "/" + placement + "/aftercare-plan").body();
        assertThat(plan.findValuesAsText("contactName")).containsOnly("[erased]");
        assertThat(plan.findValuesAsText("organisationName")).contains("Sociaal Team Zutphen");
        assertThat(plan.toString()).doesNotContain("Anna Visser").doesNotContain("0575").doesNotContain("mentor@");
        assertThat(jdbc.queryForObject("select count(*) from youth where pseudonym = ?", Long.class, pseudonym))
                .isZero();
        assertThat(erasures()).isEqualTo(events + 1);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where action = 'ERASE' and resource_type = 'referral'
                  and resource_id = ? and username = 'passend-retention'""", Long.class, String.valueOf(old)))
                .isEqualTo(1);
        JsonNode kept = officer.get("/api/v1/referrals/" + recent).body();
        assertThat(kept.has("erasedAt")).isFalse();
        assertThat(kept.get("youth").get("pseudonym").asText()).startsWith("JR-");

        assertThat(retention.eraseDue()).as("a second run finds nothing to do").isZero();
        assertThat(erasures()).isEqualTo(events + 1);
    }

    @Test
    void keepsThePseudonymWhileTheSameYouthHasAReferralInUse() {
        String pseudonym = "JR-" + System.nanoTime();
        long old = refer(pseudonym);
        withdraw(old);
        closedDaysAgo(old, 800);
        long open = refer(pseudonym);

        assertThat(retention.eraseDue()).isEqualTo(1);

        assertThat(officer.get("/api/v1/referrals/" + old).body().has("erasedAt")).isTrue();
        assertThat(officer.get("/api/v1/referrals/" + open).body().get("youth").get("pseudonym").asText())
                .as("the open referral still needs the youth recognised").isEqualTo(pseudonym);

        withdraw(open);
        closedDaysAgo(open, 800);
        assertThat(retention.eraseDue()).isEqualTo(1);
        assertThat(officer.get("/api/v1/referrals/" + open).body().get("youth").has("pseudonym")).isFalse();
    }

    @Test
    void runsAt0230InAmsterdamAsOneExecutionForAllInstances() {
        Timestamp next = jdbc.queryForObject(
                "select execution_time from scheduled_tasks where task_name = 'passend-retention'", Timestamp.class);
        assertThat(next.toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
        assertThat(next.toInstant()).isBetween(Instant.now(), Instant.now().plus(1, ChronoUnit.DAYS));
    }

    private long refer(String pseudonym) {
        Api.Response referred = officer.post("/api/v1/referrals", Api.referral(pseudonym));
        assertThat(referred.status()).as(referred.body().toString()).isEqualTo(201);
        return referred.body().get("id").asLong();
    }

    private long acceptedPlacement(long referral) {
        Api.Response proposed = api.asPlanner().post(PLACEMENTS, "{\"referralId\": " + referral + ", \"offerId\": "
                + offer.getId() + ", \"contractId\": " + contract.getId() + "}");
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(201);
        long placement = proposed.body().get("id").asLong();
        assertThat(intake.post(PLACEMENTS + "/" + placement + "/acceptance", "{\"version\": 0}").status())
                .isEqualTo(200);
        return placement;
    }

    private void withdraw(long referral) {
        long version = officer.get("/api/v1/referrals/" + referral).body().get("version").asLong();
        Api.Response withdrawn = officer.post("/api/v1/referrals/" + referral + "/withdrawal",
                "{\"reason\": \"Moved in with his aunt in Lochem\", \"version\": " + version + "}");
        assertThat(withdrawn.status()).as(withdrawn.body().toString()).isEqualTo(200);
    }

    /** As if the referral's history had happened this many days ago. */
    private void closedDaysAgo(long referral, int days) {
        jdbc.update("update referral_status_change set changed_at = ? where referral_id = ?",
                Timestamp.from(Instant.now().minus(days, ChronoUnit.DAYS)), referral);
    }

    private long erasures() {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'ERASE'", Long.class);
    }

    private static final String AFTERCARE_PLAN = """
            {"returnMunicipality": "GM0301",
             "partners": [
               {"kind": "NEIGHBOURHOOD_TEAM", "organisationName": "Sociaal Team Zutphen", "contactName": "Anna Visser",
                "contactPhone": "0575 123 456"},
               {"kind": "SCHOOL_OR_WORK", "organisationName": "Baudartius College", "contactName": "Mentor Kok",
                "contactEmail": "mentor@example.org"}],
             "tasks": [{"description": "Arrange a school place", "responsible": "SCHOOL_OR_WORK",
                        "dueDate": "2026-12-14"}]}
            """;
}
