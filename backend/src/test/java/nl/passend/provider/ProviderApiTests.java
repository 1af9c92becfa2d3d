package nl.passend.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import nl.passend.api.model.OrganisationDto;
import nl.passend.api.model.OrganisationTypeDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.ProviderInputDto;
import nl.passend.support.Api;
import nl.passend.support.IntegrationTest;
import nl.passend.support.TableCounts;

@IntegrationTest
class ProviderApiTests {

    @Autowired
    Api api;

    @Autowired
    TableCounts tables;

    @Autowired
    ProviderService providers;

    @BeforeEach
    void signIn() {
        api = api.asAdmin();
    }

    @Test
    void registersACareProviderOrganisationUnderItsName() {
        OrganisationDto organisation = api.createOrganisation(OrganisationTypeDto.CARE_PROVIDER);
        Api.Response created = api.post("/api/v1/providers",
                new ProviderInputDto(organisation.getId()).agbCode(agbCode()));
        assertThat(created.status()).isEqualTo(201);
        ProviderDto provider = api.read(created, ProviderDto.class);
        assertThat(provider.getName()).isEqualTo(organisation.getName());
        assertThat(api.read(api.get("/api/v1/providers/" + provider.getId()), ProviderDto.class)).isEqualTo(provider);

        String uniquePart = organisation.getName().substring(organisation.getName().lastIndexOf(' ') + 1);
        assertThat(api.get("/api/v1/providers?name=" + uniquePart).body().get("content").findValuesAsText("id"))
                .containsExactly(provider.getId().toString());
    }

    @Test
    void refusesAnOrganisationThatIsNoCareProvider() {
        OrganisationDto police = api.createOrganisation(OrganisationTypeDto.POLICE);
        Api.Response refused = api.post("/api/v1/providers", new ProviderInputDto(police.getId()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.violatedFields()).containsExactly("organisationId");
        assertThat(refused.body().toString()).contains("CARE_PROVIDER");
    }

    @Test
    void refusesASecondProviderForOneOrganisationAndADuplicateAgbCode() {
        ProviderDto provider = api.createProvider();
        assertThat(api.post("/api/v1/providers", new ProviderInputDto(provider.getOrganisationId())).status())
                .isEqualTo(409);

        String agb = agbCode();
        OrganisationDto first = api.createOrganisation(OrganisationTypeDto.CARE_PROVIDER);
        OrganisationDto second = api.createOrganisation(OrganisationTypeDto.CARE_PROVIDER);
        assertThat(api.post("/api/v1/providers", new ProviderInputDto(first.getId()).agbCode(agb)).status())
                .isEqualTo(201);
        Api.Response duplicate = api.post("/api/v1/providers", new ProviderInputDto(second.getId()).agbCode(agb));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("detail").asText()).contains(agb);
    }

    @Test
    void deactivatesWithTheCurrentVersionAndRefusesAStaleOne() {
        ProviderDto provider = api.createProvider();
        String uri = "/api/v1/providers/" + provider.getId();
        ProviderInputDto deactivate = new ProviderInputDto(provider.getOrganisationId()).active(false).version(0L);
        assertThat(api.put(uri, deactivate).body().get("version").asLong()).isEqualTo(1);
        assertThat(api.put(uri, deactivate).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/providers?active=false").body().get("content").findValuesAsText("id"))
                .contains(provider.getId().toString());
    }

    /** What a purchaser's contract form chooses from: the active providers' names, not the deactivated ones. */
    @Test
    void namesTheActiveProviders() {
        ProviderDto active = api.createProvider();
        ProviderDto inactive = api.createProvider();
        api.put("/api/v1/providers/" + inactive.getId(),
                new ProviderInputDto(inactive.getOrganisationId()).active(false).version(0L));

        Map<Long, String> names = providers.activeNames();
        assertThat(names).containsEntry(active.getId(), active.getName()).doesNotContainKey(inactive.getId());
    }

    @Test
    void deletesAProviderWithoutLocationsButNotOneWithThem() {
        ProviderDto empty = api.createProvider();
        assertThat(api.delete("/api/v1/providers/" + empty.getId()).status()).isEqualTo(204);

        ProviderDto withLocation = api.createProvider();
        api.createLocation(withLocation, "GM0301");
        Api.Response refused = api.delete("/api/v1/providers/" + withLocation.getId());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/providers/" + withLocation.getId()).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON        | {"organisationId": 1,,}                    | body
            wrong type            | {"organisationId": "one"}                  | organisationId
            missing organisation  | {"agbCode": "12345678"}                    | organisationId
            unknown organisation  | {"organisationId": 987654}                 | organisationId
            negative id           | {"organisationId": -4}                     | organisationId
            malformed AGB code    | {"organisationId": 1, "agbCode": "12AB"}   | agbCode
            """)
    void refusesInvalidInputByFieldAndChangesNothing(String situation, String body, String field) {
        Map<String, Long> before = tables.now();
        Api.Response response = api.post("/api/v1/providers", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.violatedFields()).containsExactly(field);
        assertThat(tables.now()).isEqualTo(before);
    }

    private static String agbCode() {
        return String.format("%08d", (long) (Math.random() * 100_000_000));
    }
}
