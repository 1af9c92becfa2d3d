package nl.passend.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.support.Api;
import nl.passend.support.IntegrationTest;

@IntegrationTest
class ReferenceDataApiTests {

    @Autowired
    Api api;

    @BeforeEach
    void signIn() {
        api = api.asPlanner();
    }

    @Test
    void listsAllMunicipalitiesOfGelderlandAndOverijsselWithTheirYouthRegion() {
        JsonNode all = api.get("/api/v1/municipalities").body();
        assertThat(all).hasSize(76);
        assertThat(api.get("/api/v1/municipalities?province=Gelderland").body()).hasSize(51);
        assertThat(api.get("/api/v1/municipalities?province=Overijssel").body()).hasSize(25);

        JsonNode midden = api.get("/api/v1/municipalities?youthRegion=MIDDEN_IJSSEL_OOST_VELUWE").body();
        assertThat(midden.findValuesAsText("name")).containsExactly("Apeldoorn", "Brummen", "Deventer", "Epe",
                "Heerde", "Lochem", "Voorst", "Zutphen");
    }

    @Test
    void readsOneMunicipalityByItsCbsCode() {
        JsonNode zutphen = api.get("/api/v1/municipalities/GM0301").body();
        assertThat(zutphen.get("name").asText()).isEqualTo("Zutphen");
        assertThat(zutphen.get("youthRegion").asText()).isEqualTo("MIDDEN_IJSSEL_OOST_VELUWE");
        assertThat(zutphen.get("latitude").asDouble()).isBetween(52.0, 52.3);
    }

    @Test
    void answersAnUnknownOrMalformedMunicipalityCodeWithAProblem() {
        Api.Response unknown = api.get("/api/v1/municipalities/GM9999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");

        Api.Response malformed = api.get("/api/v1/municipalities/Zutphen");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.violatedFields()).containsExactly("code");

        Api.Response unknownRegion = api.get("/api/v1/municipalities?youthRegion=LIMBURG");
        assertThat(unknownRegion.status()).isEqualTo(400);
        assertThat(unknownRegion.violatedFields()).containsExactly("youthRegion");
    }

    @Test
    void listsYouthRegionsCareTypesSpecialismsAndSecurityLevels() {
        assertThat(api.get("/api/v1/youth-regions").body()).hasSize(9);

        JsonNode careTypes = api.get("/api/v1/care-types").body();
        assertThat(careTypes.findValuesAsText("code")).contains("43", "44", "45", "46", "54");
        assertThat(careTypes.get(3).get("name").asText()).isEqualTo("Jeugdhulp verblijf (incl. behandeling)");

        assertThat(api.get("/api/v1/specialisms").body().findValuesAsText("code")).containsExactlyInAnyOrder("LVB",
                "TRAUMA", "ADDICTION", "SEXUAL_OFFENCES", "PSYCHIATRY", "YOUNG_ADULT_18_PLUS", "GIRLS",
                "UNACCOMPANIED_MINOR");

        Api.Response levels = api.get("/api/v1/security-levels");
        assertThat(levels.is(HttpStatus.OK)).isTrue();
        assertThat(levels.body().findValuesAsText("code")).containsExactly("AMBULANT", "OPEN", "SEMI_SECURE",
                "SECURE", "JUSTICE");
    }
}
