package nl.passend.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.api.model.ContractCareTypeDto;
import nl.passend.api.model.ContractCareTypeViewDto;
import nl.passend.api.model.ContractDto;
import nl.passend.api.model.ContractInputDto;
import nl.passend.api.model.ContractPageDto;
import nl.passend.api.model.ParticipationStateDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.security.CurrentActor;
import nl.passend.shared.NotFoundException;
import nl.passend.support.Actors;
import nl.passend.support.Api;
import nl.passend.support.Concurrently;
import nl.passend.support.IntegrationTest;
import nl.passend.support.TableCounts;

@IntegrationTest
class ContractApiTests {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);
    private static final Set<String> MIDDEN_IJSSEL = Set.of("GM0200", "GM0213", "GM0150", "GM0232", "GM0246",
            "GM0262", "GM0285", "GM0301");
    private static final String HATTEM = "GM0244";

    @Autowired
    Api api;

    @Autowired
    TableCounts tables;

    @Autowired
    ContractService contracts;

    @Autowired
    CurrentActor currentActor;

    @Autowired
    Actors actors;

    ProviderDto provider;
    Api apeldoorn;

    @BeforeEach
    void registerAProviderAndSignInAsAPurchaserOfApeldoorn() {
        provider = api.createProvider();
        apeldoorn = api.asPurchaserOf("GM0200");
    }

    @Test
    void registersAJointContractWithItsLeadMunicipalityTakingPart() {
        ContractInputDto input = Api.contract(provider.getId(), "GM0200", Set.of("GM0301", "GM0150"), "43", JAN_1,
                DEC_31).volumeCeiling(12).budgetCeiling(new BigDecimal("2950000.00"));
        input.addCareTypesItem(new ContractCareTypeDto("46", new BigDecimal("695.5")));
        Api.Response created = apeldoorn.post("/api/v1/contracts", input);

        assertThat(created.status()).isEqualTo(201);
        ContractDto contract = apeldoorn.read(created, ContractDto.class);
        assertThat(contract.getParticipatingMunicipalities()).containsExactly("GM0150", "GM0200", "GM0301");
        assertThat(contract.getCareTypes()).extracting(ContractCareTypeViewDto::getCareType).containsExactly("43", "46");
        assertThat(contract.getCareTypes().get(1).getDailyTariff()).isEqualByComparingTo("695.50");
        assertThat(contract.getProviderName()).isEqualTo(provider.getName());
        assertThat(apeldoorn.read(apeldoorn.get("/api/v1/contracts/" + contract.getId()), ContractDto.class)).isEqualTo(contract);
    }

    @Test
    void refusesAnOverlappingContractAndNamesTheOneItOverlaps() {
        ContractDto first = api.createContract(
                Api.contract(provider.getId(), "GM0200", MIDDEN_IJSSEL, "43", JAN_1, DEC_31));
        Api zutphen = api.asPurchaserOf("GM0301");
        Map<String, Long> before = tables.now();

        Api.Response overlapping = zutphen.post("/api/v1/contracts", Api.contract(provider.getId(), "GM0301",
                Set.of("GM0301"), "43", LocalDate.of(2026, 12, 31), LocalDate.of(2027, 6, 30)));
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.body().get("type").asText()).endsWith("/conflict");
        assertThat(overlapping.body().get("detail").asText()).contains(first.getReference(), "care type 43",
                "Zutphen (GM0301)");
        assertThat(tables.now()).isEqualTo(before);
    }

    @Test
    void acceptsContractsThatDifferInPeriodCareTypeMunicipalityOrProvider() {
        api.createContract(Api.contract(provider.getId(), "GM0200", MIDDEN_IJSSEL, "43", JAN_1, DEC_31));

        assertThat(apeldoorn.post("/api/v1/contracts", Api.contract(provider.getId(), "GM0200", MIDDEN_IJSSEL, "43",
                DEC_31.plusDays(1), DEC_31.plusYears(1))).status()).as("the next period").isEqualTo(201);
        assertThat(apeldoorn.post("/api/v1/contracts", Api.contract(provider.getId(), "GM0200", MIDDEN_IJSSEL, "44",
                JAN_1, DEC_31)).status()).as("another care type").isEqualTo(201);
        assertThat(api.asPurchaserOf(HATTEM).post("/api/v1/contracts", Api.contract(provider.getId(), HATTEM, Set.of(HATTEM), "43",
                JAN_1, DEC_31)).status()).as("another municipality").isEqualTo(201);
        assertThat(apeldoorn.post("/api/v1/contracts", Api.contract(api.createProvider().getId(), "GM0200", MIDDEN_IJSSEL,
                "43", JAN_1, DEC_31)).status()).as("another provider").isEqualTo(201);
    }

    @Test
    void addsHattemWithTheCurrentVersionAndRefusesAColleaguesStaleEdit() {
        ContractDto contract = api.createContract(
                Api.contract(provider.getId(), "GM0200", MIDDEN_IJSSEL, "43", JAN_1, DEC_31).volumeCeiling(12));
        String uri = "/api/v1/contracts/" + contract.getId();
        ContractInputDto withHattem = edit(contract).version(contract.getVersion());
        withHattem.getParticipatingMunicipalities().add(HATTEM);
        ContractInputDto colleaguesEdit = edit(contract).version(contract.getVersion()).volumeCeiling(14);

        Api.Response added = apeldoorn.put(uri, withHattem);
        assertThat(added.status()).isEqualTo(200);
        assertThat(apeldoorn.read(added, ContractDto.class).getParticipatingMunicipalities()).contains(HATTEM).hasSize(9);

        Api.Response stale = apeldoorn.put(uri, colleaguesEdit);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("type").asText()).endsWith("/stale-version");
        ContractDto now = apeldoorn.read(apeldoorn.get(uri), ContractDto.class);
        assertThat(now.getParticipatingMunicipalities()).contains(HATTEM);
        assertThat(now.getVolumeCeiling()).isEqualTo(12);
    }

    @Test
    void addsAMunicipalityWithAContractOfItsOwnAsPendingAndRefusesItsConfirmationNamingThatContract() {
        ContractDto hattems = api.createContract(Api.contract(provider.getId(), HATTEM, Set.of(HATTEM), "43", JAN_1,
                DEC_31));
        ContractDto contract = api.createContract(
                Api.contract(provider.getId(), "GM0200", MIDDEN_IJSSEL, "43", JAN_1, DEC_31));
        String uri = "/api/v1/contracts/" + contract.getId();
        ContractInputDto withHattem = edit(contract).version(contract.getVersion());
        withHattem.getParticipatingMunicipalities().add(HATTEM);

        // Without Hattem's consent its participation blocks nothing: its own contract stands, the edit passes.
        Api.Response added = apeldoorn.put(uri, withHattem);
        assertThat(added.status()).isEqualTo(200);
        ContractDto pending = apeldoorn.read(added, ContractDto.class);
        assertThat(pending.getParticipations()).filteredOn(p -> p.getMunicipality().equals(HATTEM)).singleElement()
                .satisfies(p -> assertThat(p.getState()).isEqualTo(ParticipationStateDto.PENDING));

        Api.Response refused = api.asPurchaserOf(HATTEM).post(uri + "/confirmation",
                Map.of("version", pending.getVersion()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("type").asText()).endsWith("/conflict");
        assertThat(refused.body().get("detail").asText()).contains(hattems.getReference(), "Hattem");
    }

    @Test
    void findsContractsByMunicipalityProviderCareTypeAndDate() {
        long current = api.createContract(
                Api.contract(provider.getId(), "GM0200", MIDDEN_IJSSEL, "43", JAN_1, DEC_31)).getId();
        long next = api.createContract(Api.contract(provider.getId(), "GM0200", Set.of("GM0200"), "44",
                DEC_31.plusDays(1), DEC_31.plusYears(1))).getId();
        String mine = "/api/v1/contracts?providerId=" + provider.getId();

        assertThat(ids(mine)).containsExactlyInAnyOrder(current, next);
        assertThat(ids(mine + "&municipality=GM0301")).containsExactly(current);
        assertThat(ids(mine + "&municipality=GM0200")).containsExactlyInAnyOrder(current, next);
        assertThat(ids(mine + "&careType=44")).containsExactly(next);
        assertThat(ids(mine + "&validOn=2026-12-31")).containsExactly(current);
        assertThat(ids(mine + "&validOn=2027-01-01")).containsExactly(next);
        assertThat(ids(mine + "&sort=validFrom,desc")).containsExactly(next, current);
        assertThat(apeldoorn.get(mine + "&validOn=31-12-2026").violatedFields()).containsExactly("validOn");
    }

    @Test
    void deletesAContract() {
        ContractDto contract = api.createContract(
                Api.contract(provider.getId(), "GM0200", MIDDEN_IJSSEL, "43", JAN_1, DEC_31));
        Map<String, Long> before = tables.now();
        assertThat(apeldoorn.delete("/api/v1/contracts/" + contract.getId()).status()).isEqualTo(204);
        assertThat(tables.now().get("contract_municipality")).isEqualTo(before.get("contract_municipality") - 8);
        assertThat(apeldoorn.get("/api/v1/contracts/" + contract.getId()).status()).isEqualTo(404);
    }

    @Test
    void givesTheSameContractToExactlyOneOfManyConcurrentRequests() throws Exception {
        List<Api.Response> responses = Concurrently.run(8, i -> apeldoorn.post("/api/v1/contracts",
                Api.contract(provider.getId(), "GM0200", MIDDEN_IJSSEL, "43", JAN_1, DEC_31)));

        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 409).hasSize(7);
        assertThat(ids("/api/v1/contracts?providerId=" + provider.getId())).hasSize(1);
    }

    @Test
    void letsExactlyOneOfManyConcurrentEditsOfOneVersionWin() throws Exception {
        ContractDto contract = api.createContract(
                Api.contract(provider.getId(), "GM0200", MIDDEN_IJSSEL, "43", JAN_1, DEC_31));
        String uri = "/api/v1/contracts/" + contract.getId();
        List<Api.Response> responses = Concurrently.run(8,
                i -> apeldoorn.put(uri, edit(contract).version(contract.getVersion()).volumeCeiling(10 + i)));

        assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 409).hasSize(7);
        JsonNode winner = responses.stream().filter(response -> response.status() == 200).findFirst().orElseThrow()
                .body();
        assertThat(apeldoorn.get("/api/v1/contracts/" + contract.getId()).body()).isEqualTo(winner);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON            | {"reference": "R", "providerId": PROVIDER,                                                                                             | body
            missing reference         | {"providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": 400}], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | reference
            oversized reference       | {"reference": "RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": 400}], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | reference
            unknown provider          | {"reference": "R", "providerId": 987654, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": 400}], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | providerId
            unknown lead municipality | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM9999", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": 400}], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | leadMunicipality
            unknown participant       | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0999"], "careTypes": [{"careType": "43", "dailyTariff": 400}], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | participatingMunicipalities
            no participants           | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": [], "careTypes": [{"careType": "43", "dailyTariff": 400}], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | participatingMunicipalities
            no care types             | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | careTypes
            unknown care type         | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "99", "dailyTariff": 400}], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | careTypes[0].careType
            care type twice           | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": 400}, {"careType": "43", "dailyTariff": 500}], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | careTypes[1].careType
            negative tariff           | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": -400}], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | careTypes[0].dailyTariff
            tariff with tenths of cents | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": 400.123}], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | careTypes[0].dailyTariff
            tariff as text            | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": "a lot"}], "validFrom": "2026-01-01", "validUntil": "2026-12-31"} | careTypes[0].dailyTariff
            reversed dates            | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": 400}], "validFrom": "2026-12-31", "validUntil": "2026-01-01"} | validUntil
            impossible date           | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": 400}], "validFrom": "2026-13-01", "validUntil": "2026-12-31"} | validFrom
            missing end date          | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": 400}], "validFrom": "2026-01-01"} | validUntil
            zero volume ceiling       | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": 400}], "validFrom": "2026-01-01", "validUntil": "2026-12-31", "volumeCeiling": 0} | volumeCeiling
            negative budget           | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": 400}], "validFrom": "2026-01-01", "validUntil": "2026-12-31", "budgetCeiling": -1} | budgetCeiling
            budget with tenths of cents | {"reference": "R", "providerId": PROVIDER, "leadMunicipality": "GM0200", "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": 400}], "validFrom": "2026-01-01", "validUntil": "2026-12-31", "budgetCeiling": 1000.001} | budgetCeiling
            """)
    void refusesInvalidInputByFieldAndChangesNothing(String situation, String body, String field) {
        Map<String, Long> before = tables.now();
        Api.Response response = apeldoorn.post("/api/v1/contracts", body.replace("PROVIDER", provider.getId().toString()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.violatedFields()).containsExactly(field);
        assertThat(tables.now()).isEqualTo(before);
    }

    @Test
    void answersUnknownIdsWith404() {
        ContractInputDto input = Api.contract(provider.getId(), "GM0200", Set.of("GM0200"), "43", JAN_1, DEC_31)
                .version(0L);
        assertThat(apeldoorn.get("/api/v1/contracts/987654").status()).isEqualTo(404);
        assertThat(apeldoorn.put("/api/v1/contracts/987654", input).status()).isEqualTo(404);
        assertThat(apeldoorn.delete("/api/v1/contracts/987654").status()).isEqualTo(404);
    }

    @Test
    void letsAPurchaserKeepOnlyContractsOfItsOwnMunicipality() {
        ContractDto apeldoorns = api.createContract(
                Api.contract(provider.getId(), "GM0200", MIDDEN_IJSSEL, "43", JAN_1, DEC_31));
        Api doetinchem = api.asPurchaserOf("GM0222");
        String uri = "/api/v1/contracts/" + apeldoorns.getId();

        assertThat(doetinchem.put(uri, edit(apeldoorns).version(0L)).status()).isEqualTo(404);
        assertThat(doetinchem.delete(uri).status()).isEqualTo(404);
        assertThat(doetinchem.post("/api/v1/contracts", Api.contract(provider.getId(), "GM0200", Set.of("GM0200"),
                "44", JAN_1, DEC_31)).status()).isEqualTo(403);
        assertThat(doetinchem.get(uri).body().get("careTypes").get(0).get("dailyTariff").asDouble()).isEqualTo(450.0);
    }

    @Test
    void showsTariffsAndBudgetsToPurchasersOnly() {
        ContractDto contract = api.createContract(Api.contract(provider.getId(), "GM0200", MIDDEN_IJSSEL, "43", JAN_1,
                DEC_31).budgetCeiling(new BigDecimal("1000000.00")));
        String uri = "/api/v1/contracts/" + contract.getId();

        JsonNode seenByPurchaser = apeldoorn.get(uri).body();
        assertThat(seenByPurchaser.get("budgetCeiling").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(seenByPurchaser.get("careTypes").get(0).has("dailyTariff")).isTrue();
        for (Api reader : List.of(api.asPlanner(), api.asAdmin(), api.asIntakeOf(provider))) {
            JsonNode seen = reader.get(uri).body();
            assertThat(seen.has("budgetCeiling")).isFalse();
            assertThat(seen.get("careTypes").get(0).has("dailyTariff")).isFalse();
            assertThat(seen.get("careTypes").get(0).get("careType").asText()).isEqualTo("43");
            assertThat(reader.get("/api/v1/contracts?providerId=" + provider.getId()).body().toString())
                    .doesNotContain("dailyTariff", "budgetCeiling");
        }
    }

    /**
     * What the purchaser's pages ask the service: the contracts its municipality is a party to, those awaiting its
     * consent, a contract to edit (404 for one it is no party to) and whether it keeps a contract.
     */
    @Test
    void tellsAPurchasersPagesWhichContractsItsMunicipalityKeepsAndWhichAwaitItsConsent() {
        // Doetinchem, of another youth region, has granted Apeldoorn no mandate, in the demo set or here.
        ContractDto joint = api.createPendingContract(
                Api.contract(provider.getId(), "GM0200", Set.of("GM0222"), "43", JAN_1, DEC_31));
        ContractDto doetinchems = api.createContract(Api.contract(provider.getId(), "GM0222", Set.of("GM0222"), "44",
                JAN_1, DEC_31));

        currentActor.runAs(actors.purchaser("GM0200"), () -> {
            assertThat(ids(contracts.listOwn(0, 10_000))).contains(joint.getId()).doesNotContain(doetinchems.getId());
            assertThat(ids(contracts.listAwaitingOwnConsent(0, 10_000))).doesNotContain(joint.getId());
            assertThat(contracts.getOwn(joint.getId()).getBudgetCeiling()).isEqualTo(joint.getBudgetCeiling());
            assertThat(contracts.isKeptByCaller(joint.getId())).isTrue();
            assertThat(contracts.isKeptByCaller(doetinchems.getId())).isFalse();
            assertThatThrownBy(() -> contracts.getOwn(doetinchems.getId()))
                    .isInstanceOf(NotFoundException.class);
            return null;
        });
        currentActor.runAs(actors.purchaser("GM0222"), () -> {
            assertThat(ids(contracts.listOwn(0, 10_000))).contains(doetinchems.getId()).doesNotContain(joint.getId());
            assertThat(ids(contracts.listAwaitingOwnConsent(0, 10_000))).contains(joint.getId());
            assertThat(contracts.isKeptByCaller(joint.getId())).isFalse();
            assertThatThrownBy(() -> contracts.getOwn(joint.getId()))
                    .isInstanceOf(NotFoundException.class);
            return null;
        });
        currentActor.runAs(actors.planner(), () -> {
            assertThat(contracts.isKeptByCaller(joint.getId())).isFalse();
            return null;
        });
    }

    private static List<Long> ids(ContractPageDto page) {
        return page.getContent().stream().map(ContractDto::getId).toList();
    }

    private static ContractInputDto edit(ContractDto contract) {
        return new ContractInputDto(contract.getReference(), contract.getProviderId(), contract.getLeadMunicipality(),
                new LinkedHashSet<>(contract.getParticipatingMunicipalities()),
                new ArrayList<>(contract.getCareTypes().stream()
                        .map(careType -> new ContractCareTypeDto(careType.getCareType(), careType.getDailyTariff()))
                        .toList()), contract.getValidFrom(), contract.getValidUntil())
                .volumeCeiling(contract.getVolumeCeiling()).budgetCeiling(contract.getBudgetCeiling());
    }

    private List<Long> ids(String uri) {
        Api.Response response = apeldoorn.get(uri);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().get("content").findValues("id").stream().map(JsonNode::asLong).toList();
    }
}
