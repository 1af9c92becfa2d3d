package nl.passend.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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

    @Test
    void placesALocationWithoutCoordinatesAtItsMunicipalityCentroid() {
        ProviderDto provider = api.createProvider();
        Api.Response created = api.post("/api/v1/locations",
                new LocationInputDto(provider.getId(), "De Berkel", "GM0301").street("Spittaalstraat 1")
                        .postalCode("7201EA"));
        assertThat(created.status()).isEqualTo(201);
        LocationDto location = api.read(created, LocationDto.class);
        JsonNode zutphen = api.get("/api/v1/municipalities/GM0301").body();
        assertThat(location.getLatitude()).isEqualTo(zutphen.get("latitude").asDouble());
        assertThat(location.getLongitude()).isEqualTo(zutphen.get("longitude").asDouble());
        assertThat(location.getMunicipalityName()).isEqualTo("Zutphen");
        assertThat(location.getYouthRegion()).isEqualTo("MIDDEN_IJSSEL_OOST_VELUWE");
        assertThat(location.getPostalCode()).isEqualTo("7201 EA");
        assertThat(created.body().has("id")).isTrue();
    }

    @Test
    void keepsCoordinatesThatAreGiven() {
        ProviderDto provider = api.createProvider();
        LocationDto location = api.read(api.post("/api/v1/locations",
                new LocationInputDto(provider.getId(), "Kroonbeek", "GM0200").latitude(52.2112).longitude(5.9699)),
                LocationDto.class);
        assertThat(location.getLatitude()).isEqualTo(52.2112);
        assertThat(location.getLongitude()).isEqualTo(5.9699);
    }

    @Test
    void findsLocationsByProviderMunicipalityAndYouthRegion() {
        ProviderDto provider = api.createProvider();
        LocationDto zutphen = api.createLocation(provider.getId(), "GM0301");
        LocationDto enschede = api.createLocation(provider.getId(), "GM0153");
        String mine = "/api/v1/locations?providerId=" + provider.getId();

        assertThat(ids(api.get(mine))).containsExactlyInAnyOrder(zutphen.getId(), enschede.getId());
        assertThat(ids(api.get(mine + "&youthRegion=TWENTE"))).containsExactly(enschede.getId());
        assertThat(ids(api.get(mine + "&municipality=GM0301"))).containsExactly(zutphen.getId());
        assertThat(ids(api.get(mine + "&sort=municipality,desc"))).containsExactly(zutphen.getId(), enschede.getId());
        assertThat(api.get(mine + "&youthRegion=UTRECHT").violatedFields()).containsExactly("youthRegion");
    }

    @Test
    void refusesAStaleEditAndKeepsTheFirst() {
        LocationDto location = api.createLocation(api.createProvider().getId(), "GM0301");
        String uri = "/api/v1/locations/" + location.getId();
        LocationInputDto first = new LocationInputDto(location.getProviderId(), "Renamed once", "GM0301").version(0L);
        LocationInputDto second = new LocationInputDto(location.getProviderId(), "Renamed twice", "GM0301").version(0L);
        assertThat(api.put(uri, first).status()).isEqualTo(200);
        assertThat(api.put(uri, second).status()).isEqualTo(409);
        assertThat(api.get(uri).body().get("name").asText()).isEqualTo("Renamed once");
    }

    @Test
    void deletesALocationWithoutOffersButNotOneWithAnOffer() {
        ProviderDto provider = api.createProvider();
        LocationDto empty = api.createLocation(provider.getId(), "GM0301");
        assertThat(api.delete("/api/v1/locations/" + empty.getId()).status()).isEqualTo(204);

        LocationDto withOffer = api.createLocation(provider.getId(), "GM0301");
        api.createOffer(Api.offer(withOffer.getId(), "43", SecurityLevelDto.OPEN, 4));
        Api.Response refused = api.delete("/api/v1/locations/" + withOffer.getId());
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
        long provider = api.createProvider().getId();
        Map<String, Long> before = tables.now();
        Api.Response response = api.post("/api/v1/locations",
                situation.equals("unknown provider") ? body : body.replace("\"providerId\": 1", "\"providerId\": " + provider));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.violatedFields()).containsExactly(field);
        assertThat(tables.now()).isEqualTo(before);
    }

    @Test
    void refusesAnOversizedStreet() {
        long provider = api.createProvider().getId();
        Map<String, Long> before = tables.now();
        Api.Response response = api.post("/api/v1/locations",
                new LocationInputDto(provider, "x", "GM0301").street("s".repeat(201)));
        assertThat(response.violatedFields()).containsExactly("street");
        assertThat(tables.now()).isEqualTo(before);
    }

    private static List<Long> ids(Api.Response response) {
        return response.body().get("content").findValues("id").stream().map(JsonNode::asLong).toList();
    }
}
