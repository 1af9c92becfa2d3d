package nl.passend.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.api.model.LocationDto;
import nl.passend.api.model.LocationInputDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.support.Api;
import nl.passend.support.IntegrationTest;
import nl.passend.support.TableCounts;

@IntegrationTest
class LocationApiTests {

    @Autowired
    Api api;

    @Autowired
    TableCounts tables;

    ProviderDto provider;
    Api intake;

    @BeforeEach
    void registerAProviderAndSignInAsItsIntake() {
        provider = api.createProvider();
        intake = api.asIntakeOf(provider);
    }

    @Test
    void placesALocationWithoutCoordinatesAtItsMunicipalityCentroid() {
        Api.Response created = intake.post("/api/v1/locations",
                new LocationInputDto(provider.getId(), "De Berkel", "GM0301").street("Spittaalstraat 1")
                        .postalCode("7201EA"));
        assertThat(created.status()).isEqualTo(201);
        LocationDto location = intake.read(created, LocationDto.class);
        JsonNode zutphen = intake.get("/api/v1/municipalities/GM0301").body();
        assertThat(location.getLatitude()).isEqualTo(zutphen.get("latitude").asDouble());
        assertThat(location.getLongitude()).isEqualTo(zutphen.get("longitude").asDouble());
        assertThat(location.getMunicipalityName()).isEqualTo("Zutphen");
        assertThat(location.getYouthRegion()).isEqualTo("MIDDEN_IJSSEL_OOST_VELUWE");
        assertThat(location.getPostalCode()).isEqualTo("7201 EA");
        assertThat(created.body().has("id")).isTrue();
    }

    @Test
    void keepsCoordinatesThatAreGiven() {
        LocationDto location = intake.read(intake.post("/api/v1/locations",
                new LocationInputDto(provider.getId(), "Kroonbeek", "GM0200").latitude(52.2112).longitude(5.9699)),
                LocationDto.class);
        assertThat(location.getLatitude()).isEqualTo(52.2112);
        assertThat(location.getLongitude()).isEqualTo(5.9699);
    }

    @Test
    void findsLocationsByProviderMunicipalityAndYouthRegion() {
        LocationDto zutphen = api.createLocation(provider, "GM0301");
        LocationDto enschede = api.createLocation(provider, "GM0153");
        String mine = "/api/v1/locations?providerId=" + provider.getId();

        assertThat(ids(intake.get(mine))).containsExactlyInAnyOrder(zutphen.getId(), enschede.getId());
        assertThat(ids(intake.get(mine + "&youthRegion=TWENTE"))).containsExactly(enschede.getId());
        assertThat(ids(intake.get(mine + "&municipality=GM0301"))).containsExactly(zutphen.getId());
        assertThat(ids(intake.get(mine + "&sort=municipality,desc"))).containsExactly(zutphen.getId(), enschede.getId());
        assertThat(intake.get(mine + "&youthRegion=UTRECHT").violatedFields()).containsExactly("youthRegion");
    }

    @Test
    void refusesAStaleEditAndKeepsTheFirst() {
        LocationDto location = api.createLocation(provider, "GM0301");
        String uri = "/api/v1/locations/" + location.getId();
        LocationInputDto first = new LocationInputDto(location.getProviderId(), "Renamed once", "GM0301").version(0L);
        LocationInputDto second = new LocationInputDto(location.getProviderId(), "Renamed twice", "GM0301").version(0L);
        assertThat(intake.put(uri, first).status()).isEqualTo(200);
        assertThat(intake.put(uri, second).status()).isEqualTo(409);
        assertThat(intake.get(uri).body().get("name").asText()).isEqualTo("Renamed once");
    }

    @Test
    void deletesALocationWithoutOffersButNotOneWithAnOffer() {
        LocationDto empty = api.createLocation(provider, "GM0301");
        assertThat(intake.delete("/api/v1/locations/" + empty.getId()).status()).isEqualTo(204);

        LocationDto withOffer = api.createLocation(provider, "GM0301");
        api.createOffer(Api.offer(withOffer.getId(), "43", SecurityLevelDto.OPEN, 4));
        Api.Response refused = intake.delete("/api/v1/locations/" + withOffer.getId());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("still has offers");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON          | {"providerId": 1, "name": "x", "municipalityCode": "GM0301"   | body
            missing name            | {"providerId": 1, "municipalityCode": "GM0301"}               | name
            missing municipality    | {"providerId": 1, "name": "x"}                                | municipalityCode
            unknown municipality    | {"providerId": 1, "name": "x", "municipalityCode": "GM9999"}  | municipalityCode
            unknown provider        | {"providerId": 987654, "name": "x", "municipalityCode": "GM0301"} | providerId
            malformed postal code   | {"providerId": 1, "name": "x", "municipalityCode": "GM0301", "postalCode": "0123 ab"} | postalCode
            latitude out of range   | {"providerId": 1, "name": "x", "municipalityCode": "GM0301", "latitude": 91, "longitude": 6} | latitude
            latitude alone          | {"providerId": 1, "name": "x", "municipalityCode": "GM0301", "latitude": 52.1} | longitude
            coordinates as text     | {"providerId": 1, "name": "x", "municipalityCode": "GM0301", "latitude": "north"} | latitude
            """)
    void refusesInvalidInputByFieldAndChangesNothing(String situation, String body, String field) {
        Map<String, Long> before = tables.now();
        Api.Response response = intake.post("/api/v1/locations",
                situation.equals("unknown provider") ? body : body.replace("\"providerId\": 1", "\"providerId\": " + provider.getId()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.violatedFields()).containsExactly(field);
        assertThat(tables.now()).isEqualTo(before);
    }

    @Test
    void refusesAnOversizedStreet() {
        Map<String, Long> before = tables.now();
        Api.Response response = intake.post("/api/v1/locations",
                new LocationInputDto(provider.getId(), "x", "GM0301").street("s".repeat(201)));
        assertThat(response.violatedFields()).containsExactly("street");
        assertThat(tables.now()).isEqualTo(before);
    }

    @Test
    void letsAnIntakeChangeOnlyItsOwnProvidersLocations() {
        LocationDto mine = api.createLocation(provider, "GM0301");
        ProviderDto other = api.createProvider();
        LocationDto theirs = api.createLocation(other, "GM0200");
        String uri = "/api/v1/locations/" + theirs.getId();

        Api.Response update = intake.put(uri, new LocationInputDto(other.getId(), "Taken over", "GM0200").version(0L));
        assertThat(update.status()).isEqualTo(404);
        assertThat(intake.delete(uri).status()).isEqualTo(404);
        Api.Response create = intake.post("/api/v1/locations", new LocationInputDto(other.getId(), "x", "GM0200"));
        assertThat(create.status()).isEqualTo(403);
        Api.Response move = intake.put("/api/v1/locations/" + mine.getId(),
                new LocationInputDto(other.getId(), "Moved", "GM0301").version(0L));
        assertThat(move.status()).isEqualTo(403);
        assertThat(api.asAdmin().get(uri).body().get("name").asText()).isEqualTo(theirs.getName());
    }

    private static List<Long> ids(Api.Response response) {
        return response.body().get("content").findValues("id").stream().map(JsonNode::asLong).toList();
    }
}
