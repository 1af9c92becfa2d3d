package nl.passend.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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
import nl.passend.api.model.ContractInputDto;
import nl.passend.api.model.ContractParticipationDto;
import nl.passend.api.model.MandateDto;
import nl.passend.api.model.MandateStatusDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.ParticipationStateDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.security.CurrentActor;
import nl.passend.shared.ForbiddenException;
import nl.passend.support.Actors;
import nl.passend.support.Api;
import nl.passend.support.IntegrationTest;
import nl.passend.support.TableCounts;

/**
 * Joint contracts by consent (issue 14, DESIGN.md, Mandates), end to end: a purchaser of Doetinchem registers a
 * contract led by Doetinchem with Apeldoorn taking part. Until Apeldoorn consents, by a mandate to Doetinchem or by
 * confirming that contract, its participation is pending: it blocks none of Apeldoorn's own contracts and covers no
 * youth of Apeldoorn; after that it does.
 */
@IntegrationTest
class MandateApiTests {

    private static final String APELDOORN = "GM0200";
    private static final String DOETINCHEM = "GM0222";
    private static final LocalDate FROM = LocalDate.now().minusMonths(1);
    private static final LocalDate UNTIL = LocalDate.now().plusMonths(6);

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    MandateService mandates;

    @Autowired
    CurrentActor currentActor;

    @Autowired
    Actors actors;

    ProviderDto provider;
    OfferDto offer;
    Api apeldoorn;
    Api doetinchem;

    /**
     * A provider with a semi-secure LVB group in Apeldoorn, where a youth of Apeldoorn fits; no mandate another test
     * granted stands (the database is shared), so that each test starts without Apeldoorn's consent.
     */
    @BeforeEach
    void aProviderWithAnOfferInApeldoornAndNoStandingMandate() {
        jdbc.update("update mandate set revoked_at = current_timestamp where revoked_at is null");
        provider = api.createProvider();
        offer = api.createOffer(Api.offer(api.createLocation(provider, APELDOORN).getId(), "43",
                SecurityLevelDto.SEMI_SECURE, 3).specialisms(Set.of("LVB")));
        apeldoorn = api.asPurchaserOf(APELDOORN);
        doetinchem = api.asPurchaserOf(DOETINCHEM);
    }

    @Test
    void aPendingParticipationNeitherBlocksTheMunicipalitysOwnContractNorCoversItsYouths() {
        Api.Response registered = doetinchem.post("/api/v1/contracts", doetinchemsContractWithApeldoorn("43"));

        assertThat(registered.status()).isEqualTo(201);
        ContractDto joint = doetinchem.read(registered, ContractDto.class);
        assertThat(state(joint, DOETINCHEM)).isEqualTo(ParticipationStateDto.CONFIRMED);
        assertThat(state(joint, APELDOORN)).isEqualTo(ParticipationStateDto.PENDING);
        assertThat(joint.getParticipatingMunicipalities()).containsExactly(APELDOORN, DOETINCHEM);
        String mine = "/api/v1/contracts?providerId=" + provider.getId();
        assertThat(ids(mine + "&municipality=" + APELDOORN)).as("Apeldoorn is no party").isEmpty();
        assertThat(ids(mine + "&awaitingConsentOf=" + APELDOORN)).containsExactly(joint.getId());
        assertThat(ids(mine + "&municipality=" + DOETINCHEM)).containsExactly(joint.getId());

        assertThat(propose(referApeldoornsYouth("PENDING-1"), joint).status()).as("no contract covers the youth")
                .isEqualTo(409);
        // Not a party: Apeldoorn keeps no contract through a participation it never gave.
        assertThat(apeldoorn.delete("/api/v1/contracts/" + joint.getId()).status()).isEqualTo(404);

        Api.Response own = apeldoorn.post("/api/v1/contracts", Api.contract(provider.getId(), APELDOORN,
                Set.of(APELDOORN), "43", FROM, UNTIL));
        assertThat(own.status()).as("Apeldoorn's own contract, same provider, care type and dates").isEqualTo(201);
        Api.Response clash = apeldoorn.post("/api/v1/contracts/" + joint.getId() + "/confirmation",
                Map.of("version", joint.getVersion()));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body().get("detail").asText()).contains(own.body().get("reference").asText(),
                "Apeldoorn (GM0200)");
    }

    @Test
    void aConfirmationMakesTheMunicipalityAPartyWhoseYouthsTheContractCovers() {
        ContractDto joint = api.createPendingContract(doetinchemsContractWithApeldoorn("43"));
        String uri = "/api/v1/contracts/" + joint.getId();
        long referral = referApeldoornsYouth("CONFIRMED-1");
        long lastEvent = lastAuditEvent();

        Api.Response confirmed = apeldoorn.post(uri + "/confirmation", Map.of("version", joint.getVersion()));

        assertThat(confirmed.status()).isEqualTo(200);
        ContractDto now = apeldoorn.read(confirmed, ContractDto.class);
        assertThat(state(now, APELDOORN)).isEqualTo(ParticipationStateDto.CONFIRMED);
        assertThat(participation(now, APELDOORN).getMandateId()).isNull();
        assertThat(now.getVersion()).as("a colleague's edit of the old version is refused").isGreaterThan(
                joint.getVersion());
        assertThat(auditedSince(lastEvent)).containsExactly(
                "test.purchaser." + APELDOORN + " UPDATE contract_participation " + joint.getId() + "/" + APELDOORN);
        assertThat(ids("/api/v1/contracts?providerId=" + provider.getId() + "&municipality=" + APELDOORN))
                .containsExactly(joint.getId());
        assertThat(propose(referral, now).status()).as("the contract covers the youth now").isEqualTo(201);

        Api.Response stale = doetinchem.put(uri, edit(joint).version(joint.getVersion()).volumeCeiling(4));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("type").asText()).endsWith("/stale-version");
        Api.Response again = apeldoorn.post(uri + "/confirmation", Map.of("version", now.getVersion()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asText()).contains("already confirmed");
    }

    @Test
    void aDeclinedParticipationStaysListedUntilConfirmedAndAConfirmedOneCannotBeDeclined() {
        ContractDto joint = api.createPendingContract(doetinchemsContractWithApeldoorn("43"));
        String uri = "/api/v1/contracts/" + joint.getId();

        Api.Response stale = apeldoorn.post(uri + "/decline", Map.of("version", joint.getVersion() + 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("type").asText()).endsWith("/stale-version");
        Api.Response declined = apeldoorn.post(uri + "/decline", Map.of("version", joint.getVersion()));
        assertThat(declined.status()).isEqualTo(200);
        ContractDto now = apeldoorn.read(declined, ContractDto.class);
        assertThat(state(now, APELDOORN)).isEqualTo(ParticipationStateDto.DECLINED);
        assertThat(apeldoorn.post(uri + "/decline", Map.of("version", now.getVersion())).status()).isEqualTo(409);

        Api.Response confirmed = apeldoorn.post(uri + "/confirmation", Map.of("version", now.getVersion()));
        assertThat(confirmed.status()).isEqualTo(200);
        ContractDto party = apeldoorn.read(confirmed, ContractDto.class);
        Api.Response refused = apeldoorn.post(uri + "/decline", Map.of("version", party.getVersion()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("CONFIRMED", "lead municipality");
    }

    @Test
    void aMandateConfirmsThePendingParticipationsItCoversAndTheLeadsLaterContracts() {
        ContractDto forCare43 = api.createPendingContract(doetinchemsContractWithApeldoorn("43"));
        ContractDto forCare44 = api.createPendingContract(doetinchemsContractWithApeldoorn("44"));
        long referral = referApeldoornsYouth("MANDATE-1");
        long lastEvent = lastAuditEvent();

        Api.Response granted = apeldoorn.post("/api/v1/mandates", mandate(APELDOORN, DOETINCHEM, "43", "46"));

        assertThat(granted.status()).isEqualTo(201);
        MandateDto mandate = apeldoorn.read(granted, MandateDto.class);
        assertThat(mandate.getStatus()).isEqualTo(MandateStatusDto.ACTIVE);
        assertThat(mandate.getCareTypes()).containsExactly("43", "46");
        assertThat(apeldoorn.read(apeldoorn.get("/api/v1/mandates/" + mandate.getId()), MandateDto.class))
                .isEqualTo(mandate);
        ContractDto covered = contract(forCare43.getId());
        assertThat(state(covered, APELDOORN)).isEqualTo(ParticipationStateDto.CONFIRMED);
        assertThat(participation(covered, APELDOORN).getMandateId()).isEqualTo(mandate.getId());
        assertThat(state(contract(forCare44.getId()), APELDOORN)).as("care type 44 is not in the mandate")
                .isEqualTo(ParticipationStateDto.PENDING);
        // Other tests' contracts of Doetinchem may be confirmed too: the database is shared.
        assertThat(auditedSince(lastEvent)).startsWith(
                "test.purchaser." + APELDOORN + " CREATE mandate " + mandate.getId()).contains(
                "test.purchaser." + APELDOORN + " UPDATE contract_participation " + forCare43.getId() + "/" + APELDOORN)
                .allMatch(event -> event.startsWith("test.purchaser." + APELDOORN + " "));
        assertThat(propose(referral, covered).status()).isEqualTo(201);

        ContractDto later = api.createPendingContract(doetinchemsContractWithApeldoorn("46"));
        assertThat(participation(later, APELDOORN).getMandateId()).as("confirmed by the mandate at once")
                .isEqualTo(mandate.getId());
        ContractDto longer = api.createPendingContract(Api.contract(api.createProvider().getId(), DOETINCHEM,
                Set.of(DOETINCHEM, APELDOORN), "43", FROM, UNTIL.plusYears(2)));
        assertThat(state(longer, APELDOORN)).as("beyond the mandate's period").isEqualTo(ParticipationStateDto.PENDING);
    }

    @Test
    void aMandateBindsNoMunicipalityIntoTwoContractsOfOneProviderForTheSameCareAndDays() {
        ContractDto awaiting = api.createPendingContract(doetinchemsContractWithApeldoorn("43"));
        api.createContract(Api.contract(provider.getId(), APELDOORN, Set.of(APELDOORN), "43", FROM, UNTIL));

        assertThat(apeldoorn.post("/api/v1/mandates", mandate(APELDOORN, DOETINCHEM, "43")).status()).isEqualTo(201);
        assertThat(state(contract(awaiting.getId()), APELDOORN)).isEqualTo(ParticipationStateDto.PENDING);
        // Doetinchem starts again: the same contract registered now, with the mandate standing.
        assertThat(doetinchem.delete("/api/v1/contracts/" + awaiting.getId()).status()).isEqualTo(204);
        Api.Response registered = doetinchem.post("/api/v1/contracts", doetinchemsContractWithApeldoorn("43"));
        assertThat(registered.status()).as("Doetinchem's contract stands, without Apeldoorn").isEqualTo(201);
        assertThat(state(doetinchem.read(registered, ContractDto.class), APELDOORN))
                .isEqualTo(ParticipationStateDto.PENDING);
    }

    @Test
    void revokingAMandateConfirmsNothingNewAndKeepsWhatItConfirmed() {
        MandateDto mandate = apeldoorn.read(apeldoorn.post("/api/v1/mandates", mandate(APELDOORN, DOETINCHEM, "43")),
                MandateDto.class);
        ContractDto before = api.createPendingContract(doetinchemsContractWithApeldoorn("43"));
        String revocation = "/api/v1/mandates/" + mandate.getId() + "/revocation";
        long lastEvent = lastAuditEvent();

        Api.Response stale = apeldoorn.post(revocation, Map.of("version", mandate.getVersion() + 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("type").asText()).endsWith("/stale-version");
        assertThat(doetinchem.post(revocation, Map.of("version", mandate.getVersion())).status())
                .as("the lead cannot revoke it").isEqualTo(404);
        Api.Response revoked = apeldoorn.post(revocation, Map.of("version", mandate.getVersion()));

        assertThat(revoked.status()).isEqualTo(200);
        MandateDto now = apeldoorn.read(revoked, MandateDto.class);
        assertThat(now.getStatus()).isEqualTo(MandateStatusDto.REVOKED);
        assertThat(now.getRevokedAt()).isNotNull();
        assertThat(auditedSince(lastEvent)).containsExactly(
                "test.purchaser." + APELDOORN + " UPDATE mandate " + mandate.getId());
        assertThat(state(contract(before.getId()), APELDOORN)).as("entered into with consent")
                .isEqualTo(ParticipationStateDto.CONFIRMED);
        ContractDto after = api.createPendingContract(doetinchemsContractWithApeldoorn("43")
                .validFrom(UNTIL.plusDays(1)).validUntil(UNTIL.plusDays(30)));
        assertThat(state(after, APELDOORN)).isEqualTo(ParticipationStateDto.PENDING);
        Api.Response again = apeldoorn.post(revocation, Map.of("version", now.getVersion()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asText()).contains("revoked already");
    }

    @Test
    void anEditThatBuysMoreCareOrLastsLongerAsksTheOthersAgain() {
        ContractDto joint = api.createContract(doetinchemsContractWithApeldoorn("43"));
        String uri = "/api/v1/contracts/" + joint.getId();
        JsonNode proposal = propose(referApeldoornsYouth("WIDENED-1"), joint).body();

        Api.Response narrowed = doetinchem.put(uri, edit(joint).version(joint.getVersion())
                .validUntil(UNTIL.minusMonths(1)).volumeCeiling(3));
        assertThat(narrowed.status()).isEqualTo(200);
        ContractDto shorter = doetinchem.read(narrowed, ContractDto.class);
        assertThat(state(shorter, APELDOORN)).isEqualTo(ParticipationStateDto.CONFIRMED);

        Api.Response extended = doetinchem.put(uri, edit(shorter).version(shorter.getVersion())
                .validUntil(UNTIL.plusYears(1)));
        assertThat(extended.status()).isEqualTo(200);
        ContractDto longer = doetinchem.read(extended, ContractDto.class);
        assertThat(state(longer, APELDOORN)).isEqualTo(ParticipationStateDto.PENDING);
        assertThat(state(longer, DOETINCHEM)).isEqualTo(ParticipationStateDto.CONFIRMED);

        // The proposal made while Apeldoorn was a party is not accepted while it is not.
        Api intake = api.asIntakeOf(provider);
        String acceptance = "/api/v1/placements/" + proposal.get("id").asLong() + "/acceptance";
        Api.Response refused = intake.post(acceptance, Map.of("version", proposal.get("version").asLong()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("no longer covers");
        assertThat(apeldoorn.post(uri + "/confirmation", Map.of("version", longer.getVersion())).status())
                .isEqualTo(200);
        assertThat(intake.post(acceptance, Map.of("version", proposal.get("version").asLong())).status())
                .isEqualTo(200);
    }

    @Test
    void letsAPurchaserConsentOnlyForItsOwnMunicipality() {
        ContractDto joint = api.createPendingContract(doetinchemsContractWithApeldoorn("43"));
        Api zutphen = api.asPurchaserOf("GM0301");
        Api planner = api.asPlanner();
        Map<String, Long> before = tables.now();

        assertThat(doetinchem.post("/api/v1/mandates", mandate(APELDOORN, DOETINCHEM, "43")).status())
                .as("a mandate of another municipality").isEqualTo(403);
        assertThat(zutphen.post("/api/v1/contracts/" + joint.getId() + "/confirmation",
                Map.of("version", joint.getVersion())).status()).as("a municipality the contract does not list")
                .isEqualTo(404);
        assertThat(planner.post("/api/v1/mandates", mandate(APELDOORN, DOETINCHEM, "43")).status())
                .isEqualTo(403);
        assertThat(apeldoorn.post("/api/v1/contracts/987654/confirmation", Map.of("version", 0)).status())
                .isEqualTo(404);
        assertThat(apeldoorn.post("/api/v1/mandates/987654/revocation", Map.of("version", 0)).status())
                .isEqualTo(404);
        assertThat(apeldoorn.get("/api/v1/mandates/987654").status()).isEqualTo(404);
        assertThat(tables.now()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            its own lead             | {"grantingMunicipality": "GM0200", "leadMunicipality": "GM0200", "careTypes": ["43"], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | leadMunicipality
            unknown lead             | {"grantingMunicipality": "GM0200", "leadMunicipality": "GM9999", "careTypes": ["43"], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | leadMunicipality
            malformed lead           | {"grantingMunicipality": "GM0200", "leadMunicipality": "Doetinchem", "careTypes": ["43"], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | leadMunicipality
            missing granting         | {"leadMunicipality": "GM0222", "careTypes": ["43"], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | grantingMunicipality
            no care types            | {"grantingMunicipality": "GM0200", "leadMunicipality": "GM0222", "careTypes": [], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | careTypes
            unknown care type        | {"grantingMunicipality": "GM0200", "leadMunicipality": "GM0222", "careTypes": ["99"], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | careTypes
            care type twice          | {"grantingMunicipality": "GM0200", "leadMunicipality": "GM0222", "careTypes": ["43", "43"], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | careTypes
            reversed dates           | {"grantingMunicipality": "GM0200", "leadMunicipality": "GM0222", "careTypes": ["43"], "validFrom": "2026-12-31", "validUntil": "2026-01-01"} | validUntil
            missing start            | {"grantingMunicipality": "GM0200", "leadMunicipality": "GM0222", "careTypes": ["43"], "validUntil": "2026-12-31"} | validFrom
            """)
    void refusesInvalidMandatesByFieldAndChangesNothing(String situation, String body, String field) {
        Map<String, Long> before = tables.now();
        Api.Response response = apeldoorn.post("/api/v1/mandates", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.violatedFields()).containsExactly(field);
        assertThat(tables.now()).isEqualTo(before);
    }

    @Test
    void listsMandatesByGrantingAndLeadMunicipalityCareTypeDateAndStatus() {
        MandateDto standing = apeldoorn.read(apeldoorn.post("/api/v1/mandates", mandate(APELDOORN, "GM0213", "43")),
                MandateDto.class);
        MandateDto revoked = apeldoorn.read(apeldoorn.post("/api/v1/mandates", mandate(APELDOORN, "GM0213", "44")),
                MandateDto.class);
        apeldoorn.post("/api/v1/mandates/" + revoked.getId() + "/revocation", Map.of("version", revoked.getVersion()));
        String toBrummen = "/api/v1/mandates?grantingMunicipality=GM0200&leadMunicipality=GM0213";

        assertThat(mandateIds(toBrummen)).contains(standing.getId(), revoked.getId());
        assertThat(mandateIds(toBrummen + "&status=ACTIVE")).contains(standing.getId()).doesNotContain(revoked.getId());
        assertThat(mandateIds(toBrummen + "&careType=44")).contains(revoked.getId()).doesNotContain(standing.getId());
        assertThat(mandateIds(toBrummen + "&validOn=" + UNTIL.plusYears(3))).doesNotContain(standing.getId());
        assertThat(api.asPlanner().get(toBrummen + "&size=1").body().get("page").get("size").asInt()).isEqualTo(1);
        assertThat(apeldoorn.get("/api/v1/mandates?status=LAPSED").violatedFields()).containsExactly("status");
        assertThat(apeldoorn.get("/api/v1/mandates?sort=grantingMunicipality").violatedFields())
                .containsExactly("sort");
    }

    /** What the purchaser's mandates page asks the service: its own municipality, and the mandates it granted. */
    @Test
    void tellsAPurchasersPageItsMunicipalityAndTheMandatesItGranted() {
        MandateDto apeldoorns = apeldoorn.read(apeldoorn.post("/api/v1/mandates", mandate(APELDOORN, "GM0213", "43")),
                MandateDto.class);
        MandateDto doetinchems = doetinchem.read(doetinchem.post("/api/v1/mandates",
                mandate(DOETINCHEM, "GM0213", "43")), MandateDto.class);

        currentActor.runAs(actors.purchaser(APELDOORN), () -> {
            assertThat(mandates.ownMunicipality()).isEqualTo(APELDOORN);
            assertThat(mandates.listOwn(0, 10_000).getContent()).extracting(MandateDto::getId)
                    .contains(apeldoorns.getId()).doesNotContain(doetinchems.getId());
            return null;
        });
        currentActor.runAs(actors.planner(), () -> {
            assertThatThrownBy(mandates::ownMunicipality).isInstanceOf(ForbiddenException.class);
            return null;
        });
    }

    /** Doetinchem's contract for the care type with Apeldoorn taking part, over this year's period. */
    private ContractInputDto doetinchemsContractWithApeldoorn(String careType) {
        return Api.contract(provider.getId(), DOETINCHEM, Set.of(DOETINCHEM, APELDOORN), careType, FROM, UNTIL)
                .volumeCeiling(5);
    }

    private static Map<String, Object> mandate(String granting, String lead, String... careTypes) {
        return Map.of("grantingMunicipality", granting, "leadMunicipality", lead, "careTypes", List.of(careTypes),
                "validFrom", FROM.minusMonths(1).toString(), "validUntil", UNTIL.plusMonths(1).toString());
    }

    private long referApeldoornsYouth(String pseudonym) {
        return api.asOfficer().post("/api/v1/referrals", Api.referral(Api.unique(pseudonym).replace(" ", "-"))
                .replace("\"homeMunicipality\": \"GM0301\"", "\"homeMunicipality\": \"" + APELDOORN + "\""))
                .body().get("id").asLong();
    }

    private Api.Response propose(long referral, ContractDto contract) {
        return api.asPlanner().post("/api/v1/placements", Map.of("referralId", referral, "offerId", offer.getId(),
                "contractId", contract.getId()));
    }

    private ContractDto contract(long id) {
        return apeldoorn.read(apeldoorn.get("/api/v1/contracts/" + id), ContractDto.class);
    }

    private static ContractParticipationDto participation(ContractDto contract, String municipality) {
        return contract.getParticipations().stream().filter(p -> p.getMunicipality().equals(municipality))
                .findFirst().orElseThrow();
    }

    private static ParticipationStateDto state(ContractDto contract, String municipality) {
        return participation(contract, municipality).getState();
    }

    private static ContractInputDto edit(ContractDto contract) {
        return new ContractInputDto(contract.getReference(), contract.getProviderId(), contract.getLeadMunicipality(),
                contract.getParticipatingMunicipalities(), contract.getCareTypes().stream()
                        .map(careType -> new nl.passend.api.model.ContractCareTypeDto(careType.getCareType(),
                                careType.getDailyTariff()))
                        .toList(), contract.getValidFrom(), contract.getValidUntil())
                .volumeCeiling(contract.getVolumeCeiling());
    }

    private List<Long> ids(String uri) {
        return apeldoorn.get(uri).body().get("content").findValues("id").stream().map(node -> node.asLong()).toList();
    }

    private List<Long> mandateIds(String uri) {
        Api.Response response = apeldoorn.get(uri);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().get("content").findValues("id").stream().map(node -> node.asLong()).toList();
    }

    private long lastAuditEvent() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
    }

    /** The audit events since then, as "username action resource-type resource-id", in order. */
    private List<String> auditedSince(long lastEvent) {
        return jdbc.queryForList("""
                select concat(username, ' ', action, ' ', resource_type, ' ', resource_id) from audit_event
                where id > ? order by id""", String.class, lastEvent);
    }
}
