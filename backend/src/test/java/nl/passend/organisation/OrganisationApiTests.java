package nl.passend.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import nl.passend.api.model.OrganisationDto;
import nl.passend.api.model.OrganisationInputDto;
import nl.passend.api.model.OrganisationTypeDto;
import nl.passend.api.model.ProviderInputDto;
import nl.passend.support.Api;
import nl.passend.support.IntegrationTest;
import nl.passend.support.TableCounts;

@IntegrationTest
class OrganisationApiTests {

    @Autowired
    Api api;

    @Autowired
    TableCounts tables;

    @BeforeEach
    void signIn() {
        api = api.asAdmin();
    }

    @Test
    void registersReadsAndFindsAnOrganisation() {
        String name = Api.unique("Jeugdreclassering Oost");
        Api.Response created = api.post("/api/v1/organisations",
                new OrganisationInputDto(name, OrganisationTypeDto.YOUTH_PROBATION));
        assertThat(created.status()).isEqualTo(201);
        OrganisationDto organisation = api.read(created, OrganisationDto.class);
        assertThat(organisation.getActive()).isTrue();
        assertThat(organisation.getVersion()).isZero();

        assertThat(api.read(api.get("/api/v1/organisations/" + organisation.getId()), OrganisationDto.class))
                .isEqualTo(organisation);
        String uniquePart = name.substring(name.lastIndexOf(' ') + 1).toUpperCase();
        Api.Response found = api.get("/api/v1/organisations?type=YOUTH_PROBATION&name=" + uniquePart);
        assertThat(found.body().get("content").findValuesAsText("name")).containsExactly(name);
    }

    @Test
    void paginatesAndSortsTheList() {
        for (int i = 0; i < 3; i++) {
            api.createOrganisation(OrganisationTypeDto.SAFETY_HOUSE);
        }
        Api.Response page = api.get("/api/v1/organisations?type=SAFETY_HOUSE&size=2&page=1&sort=name,desc");
        assertThat(page.body().get("content").size()).isBetween(1, 2);
        assertThat(page.body().get("page").get("number").asInt()).isEqualTo(1);
        assertThat(page.body().get("page").get("size").asInt()).isEqualTo(2);
        assertThat(page.body().get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(3);

        Api.Response badSort = api.get("/api/v1/organisations?sort=secret,asc");
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.violatedFields()).containsExactly("sort");
        assertThat(api.get("/api/v1/organisations?size=101").violatedFields()).containsExactly("size");
        assertThat(api.get("/api/v1/organisations?page=-1").violatedFields()).containsExactly("page");
    }

    @Test
    void tiesAMunicipalityOrganisationToItsMunicipality() {
        OrganisationInputDto withoutMunicipality = new OrganisationInputDto(Api.unique("Gemeente"),
                OrganisationTypeDto.MUNICIPALITY);
        Api.Response refused = api.post("/api/v1/organisations", withoutMunicipality);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.violatedFields()).containsExactly("municipalityCode");

        OrganisationInputDto police = new OrganisationInputDto(Api.unique("Politie"), OrganisationTypeDto.POLICE)
                .municipalityCode("GM0301");
        assertThat(api.post("/api/v1/organisations", police).violatedFields()).containsExactly("municipalityCode");
    }

    @Test
    void refusesADuplicateName() {
        OrganisationDto first = api.createOrganisation(OrganisationTypeDto.POLICE);
        Api.Response duplicate = api.post("/api/v1/organisations",
                new OrganisationInputDto(first.getName().toUpperCase(), OrganisationTypeDto.POLICE));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("detail").asText()).contains(first.getName().toUpperCase());
    }

    @Test
    void updatesOnlyTheVersionThatWasRead() {
        OrganisationDto organisation = api.createOrganisation(OrganisationTypeDto.ADULT_PROBATION);
        String uri = "/api/v1/organisations/" + organisation.getId();

        OrganisationInputDto change = new OrganisationInputDto(organisation.getName(),
                OrganisationTypeDto.ADULT_PROBATION).active(false).version(0L);
        Api.Response changed = api.put(uri, change);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("active").asBoolean()).isFalse();
        assertThat(changed.body().get("version").asLong()).isEqualTo(1);

        Api.Response stale = api.put(uri, change.active(true).version(0L));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("type").asText()).endsWith("/stale-version");
        assertThat(api.get(uri).body().get("active").asBoolean()).isFalse();

        Api.Response withoutVersion = api.put(uri, change.version(null));
        assertThat(withoutVersion.status()).isEqualTo(400);
        assertThat(withoutVersion.violatedFields()).containsExactly("version");
    }

    @Test
    void deletesAnUnreferencedOrganisationButNotOneWithAProvider() {
        OrganisationDto loose = api.createOrganisation(OrganisationTypeDto.POLICE);
        assertThat(api.delete("/api/v1/organisations/" + loose.getId()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/organisations/" + loose.getId()).status()).isEqualTo(404);

        OrganisationDto provider = api.createOrganisation(OrganisationTypeDto.CARE_PROVIDER);
        api.post("/api/v1/providers", new ProviderInputDto(provider.getId()));
        Api.Response refused = api.delete("/api/v1/organisations/" + provider.getId());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("still has a provider");
        assertThat(api.get("/api/v1/organisations/" + provider.getId()).status()).isEqualTo(200);
    }

    @Test
    void answersUnknownIdsWith404() {
        assertThat(api.get("/api/v1/organisations/987654").status()).isEqualTo(404);
        assertThat(api.put("/api/v1/organisations/987654",
                new OrganisationInputDto("x", OrganisationTypeDto.POLICE).version(0L)).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/organisations/987654").status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON       | {"name": "x", "type":                                     | body
            wrong type           | {"name": "x", "type": "POLICE", "active": "maybe"}        | active
            missing name         | {"type": "POLICE"}                                        | name
            missing type         | {"name": "x"}                                             | type
            unknown type         | {"name": "x", "type": "BAKERY"}                           | type
            unknown municipality | {"name": "x", "type": "MUNICIPALITY", "municipalityCode": "GM9999"} | municipalityCode
            malformed code       | {"name": "x", "type": "MUNICIPALITY", "municipalityCode": "Zutphen"} | municipalityCode
            blank name           | {"name": "   ", "type": "POLICE"}                        | name
            """)
    void refusesInvalidInputByFieldAndChangesNothing(String situation, String body, String field) {
        Map<String, Long> before = tables.now();
        Api.Response response = api.post("/api/v1/organisations", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.violatedFields()).containsExactly(field);
        assertThat(tables.now()).isEqualTo(before);
    }

    @Test
    void refusesAnOversizedName() {
        Map<String, Long> before = tables.now();
        Api.Response response = api.post("/api/v1/organisations",
                new OrganisationInputDto("x".repeat(201), OrganisationTypeDto.POLICE));
        assertThat(response.violatedFields()).containsExactly("name");
        assertThat(tables.now()).isEqualTo(before);
    }
}
