package nl.passend.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.api.model.CapacityReportDto;
import nl.passend.api.model.GenderDto;
import nl.passend.api.model.LocationDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.OfferInputDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.support.Api;
import nl.passend.support.IntegrationTest;
import nl.passend.support.TableCounts;

@IntegrationTest
class OfferApiTests {

    @Autowired
    Api api;

    @Autowired
    TableCounts tables;

    ProviderDto provider;
    LocationDto apeldoorn;
    LocationDto enschede;
    Api intake;

    @BeforeEach
    void registerAProviderWithTwoLocations() {
        provider = api.createProvider();
        apeldoorn = api.createLocation(provider, "GM0200");
        enschede = api.createLocation(provider, "GM0153");
        intake = api.asIntakeOf(provider);
    }

    @Test
    void derivesFreePlacesAndStampsTheCapacityReport() {
        OfferInputDto input = Api.offer(apeldoorn.getId(), "43", SecurityLevelDto.SEMI_SECURE, 8)
                .externallyOccupied(7).specialisms(Set.of("LVB")).acceptedGenders(Set.of(GenderDto.MALE));
        Api.Response created = intake.post("/api/v1/offers", input);
        assertThat(created.status()).isEqualTo(201);
        OfferDto offer = intake.read(created, OfferDto.class);

        assertThat(offer.getFreePlaces()).isEqualTo(1);
        assertThat(offer.getReportedAt()).isCloseTo(OffsetDateTime.now(ZoneOffset.UTC), within(Duration.ofMinutes(1)));
        assertThat(offer.getCapacityStale()).isFalse();
        assertThat(offer.getProviderId()).isEqualTo(provider.getId());
        assertThat(offer.getMunicipalityName()).isEqualTo("Apeldoorn");
        assertThat(offer.getYouthRegion()).isEqualTo("MIDDEN_IJSSEL_OOST_VELUWE");
        assertThat(offer.getSpecialisms()).containsExactly("LVB");
        assertThat(offer.getAcceptedGenders()).containsExactly(GenderDto.MALE);
    }

    @Test
    void reportsCapacityWithTheVersionThatWasRead() {
        OfferDto offer = api.createOffer(Api.offer(apeldoorn.getId(), "44", SecurityLevelDto.OPEN, 10));
        String uri = "/api/v1/offers/" + offer.getId() + "/capacity";
        OffsetDateTime monthAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30);

        Api.Response reported = intake.put(uri, new CapacityReportDto(12, 0L).externallyOccupied(12).reportedAt(monthAgo));
        assertThat(reported.status()).isEqualTo(200);
        OfferDto full = intake.read(reported, OfferDto.class);
        assertThat(full.getTotalPlaces()).isEqualTo(12);
        assertThat(full.getFreePlaces()).isZero();
        assertThat(full.getCapacityStale()).isTrue();
        assertThat(full.getVersion()).isEqualTo(1);

        Api.Response stale = intake.put(uri, new CapacityReportDto(3, 0L));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(intake.get("/api/v1/offers/" + offer.getId()).body().get("totalPlaces").asInt()).isEqualTo(12);

        Api.Response overfull = intake.put(uri, new CapacityReportDto(3, 1L).externallyOccupied(4));
        assertThat(overfull.violatedFields()).containsExactly("externallyOccupied");
        Api.Response future = intake.put(uri,
                new CapacityReportDto(3, 1L).reportedAt(OffsetDateTime.now(ZoneOffset.UTC).plusHours(2)));
        assertThat(future.violatedFields()).containsExactly("reportedAt");
    }

    @Test
    void findsOffersByEveryFilterAPurchaserAsksFor() {
        long lvbSemiSecure = api.createOffer(Api.offer(apeldoorn.getId(), "43", SecurityLevelDto.SEMI_SECURE, 6)
                .specialisms(Set.of("LVB", "TRAUMA"))).getId();
        long secureFull = api.createOffer(Api.offer(apeldoorn.getId(), "43", SecurityLevelDto.SECURE, 4)
                .externallyOccupied(4).specialisms(Set.of("LVB"))).getId();
        long crisisTwente = api.createOffer(Api.offer(enschede.getId(), "46", SecurityLevelDto.OPEN, 2)).getId();
        long inactive = api.createOffer(Api.offer(enschede.getId(), "45", SecurityLevelDto.AMBULANT, 20)
                .active(false)).getId();
        String mine = "/api/v1/offers?providerId=" + provider.getId();

        assertThat(ids(mine)).containsExactlyInAnyOrder(lvbSemiSecure, secureFull, crisisTwente, inactive);
        assertThat(ids(mine + "&careType=43")).containsExactlyInAnyOrder(lvbSemiSecure, secureFull);
        assertThat(ids(mine + "&securityLevel=SECURE")).containsExactly(secureFull);
        assertThat(ids(mine + "&minSecurityLevel=SEMI_SECURE")).containsExactlyInAnyOrder(lvbSemiSecure, secureFull);
        assertThat(ids(mine + "&youthRegion=TWENTE")).containsExactlyInAnyOrder(crisisTwente, inactive);
        assertThat(ids(mine + "&municipality=GM0200")).containsExactlyInAnyOrder(lvbSemiSecure, secureFull);
        assertThat(ids(mine + "&specialism=LVB")).containsExactlyInAnyOrder(lvbSemiSecure, secureFull);
        assertThat(ids(mine + "&specialism=LVB&specialism=TRAUMA")).containsExactly(lvbSemiSecure);
        assertThat(ids(mine + "&hasFreePlaces=true")).containsExactlyInAnyOrder(lvbSemiSecure, crisisTwente, inactive);
        assertThat(ids(mine + "&hasFreePlaces=false")).containsExactly(secureFull);
        assertThat(ids(mine + "&active=false")).containsExactly(inactive);
        assertThat(ids(mine + "&locationId=" + enschede.getId() + "&careType=46")).containsExactly(crisisTwente);
        assertThat(ids(mine + "&sort=totalPlaces,desc")).containsExactly(inactive, lvbSemiSecure, secureFull,
                crisisTwente);
    }

    @Test
    void refusesUnknownCodesAndBadParametersInTheSearch() {
        assertThat(intake.get("/api/v1/offers?careType=99").violatedFields()).containsExactly("careType");
        assertThat(intake.get("/api/v1/offers?specialism=COOKING").violatedFields()).containsExactly("specialism");
        assertThat(intake.get("/api/v1/offers?securityLevel=MAXIMUM").violatedFields()).containsExactly("securityLevel");
        assertThat(intake.get("/api/v1/offers?hasFreePlaces=perhaps").violatedFields()).containsExactly("hasFreePlaces");
        assertThat(intake.get("/api/v1/offers?careType=4").violatedFields()).containsExactly("careType");
        assertThat(intake.get("/api/v1/offers?sort=free").violatedFields()).containsExactly("sort");
    }

    @Test
    void changesAnOfferOnlyFromTheCurrentVersionAndKeepsItWhenTheChangeIsInvalid() {
        OfferDto offer = api.createOffer(Api.offer(apeldoorn.getId(), "44", SecurityLevelDto.OPEN, 10));
        String uri = "/api/v1/offers/" + offer.getId();
        JsonNode before = intake.get(uri).body();

        OfferInputDto invalid = Api.offer(apeldoorn.getId(), "44", SecurityLevelDto.OPEN, 10).minAge(19).maxAge(17)
                .version(0L);
        assertThat(intake.put(uri, invalid).violatedFields()).containsExactly("maxAge");
        assertThat(intake.get(uri).body()).isEqualTo(before);

        OfferInputDto change = Api.offer(enschede.getId(), "44", SecurityLevelDto.SEMI_SECURE, 10).version(0L);
        Api.Response changed = intake.put(uri, change);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("municipalityCode").asText()).isEqualTo("GM0153");
        assertThat(changed.body().get("securityLevel").asText()).isEqualTo("SEMI_SECURE");
        assertThat(intake.put(uri, change).status()).isEqualTo(409);
    }

    @Test
    void deletesAnOffer() {
        OfferDto offer = api.createOffer(Api.offer(apeldoorn.getId(), "45", SecurityLevelDto.AMBULANT, 10)
                .specialisms(Set.of("ADDICTION")));
        Map<String, Long> before = tables.now();
        assertThat(intake.delete("/api/v1/offers/" + offer.getId()).status()).isEqualTo(204);
        assertThat(intake.get("/api/v1/offers/" + offer.getId()).status()).isEqualTo(404);
        assertThat(tables.now().get("offer_specialism")).isEqualTo(before.get("offer_specialism") - 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON           | {"locationId": LOCATION, "name": "x"                                                 | body
            missing care type        | {"locationId": LOCATION, "name": "x", "securityLevel": "OPEN", "minAge": 12, "maxAge": 18, "acceptedGenders": ["MALE"], "totalPlaces": 4} | careType
            unknown care type        | {"locationId": LOCATION, "name": "x", "careType": "99", "securityLevel": "OPEN", "minAge": 12, "maxAge": 18, "acceptedGenders": ["MALE"], "totalPlaces": 4} | careType
            unknown security level   | {"locationId": LOCATION, "name": "x", "careType": "43", "securityLevel": "MAXIMUM", "minAge": 12, "maxAge": 18, "acceptedGenders": ["MALE"], "totalPlaces": 4} | securityLevel
            unknown specialism       | {"locationId": LOCATION, "name": "x", "careType": "43", "securityLevel": "OPEN", "minAge": 12, "maxAge": 18, "acceptedGenders": ["MALE"], "specialisms": ["COOKING"], "totalPlaces": 4} | specialisms
            unknown gender           | {"locationId": LOCATION, "name": "x", "careType": "43", "securityLevel": "OPEN", "minAge": 12, "maxAge": 18, "acceptedGenders": ["BOY"], "totalPlaces": 4} | acceptedGenders[0]
            no gender                | {"locationId": LOCATION, "name": "x", "careType": "43", "securityLevel": "OPEN", "minAge": 12, "maxAge": 18, "acceptedGenders": [], "totalPlaces": 4} | acceptedGenders
            unknown location         | {"locationId": 987654, "name": "x", "careType": "43", "securityLevel": "OPEN", "minAge": 12, "maxAge": 18, "acceptedGenders": ["MALE"], "totalPlaces": 4} | locationId
            negative places          | {"locationId": LOCATION, "name": "x", "careType": "43", "securityLevel": "OPEN", "minAge": 12, "maxAge": 18, "acceptedGenders": ["MALE"], "totalPlaces": -1} | totalPlaces
            places as text           | {"locationId": LOCATION, "name": "x", "careType": "43", "securityLevel": "OPEN", "minAge": 12, "maxAge": 18, "acceptedGenders": ["MALE"], "totalPlaces": "four"} | totalPlaces
            more taken than places   | {"locationId": LOCATION, "name": "x", "careType": "43", "securityLevel": "OPEN", "minAge": 12, "maxAge": 18, "acceptedGenders": ["MALE"], "totalPlaces": 4, "externallyOccupied": 5} | externallyOccupied
            reversed age range       | {"locationId": LOCATION, "name": "x", "careType": "43", "securityLevel": "OPEN", "minAge": 18, "maxAge": 12, "acceptedGenders": ["MALE"], "totalPlaces": 4} | maxAge
            age beyond youth         | {"locationId": LOCATION, "name": "x", "careType": "43", "securityLevel": "OPEN", "minAge": 12, "maxAge": 99, "acceptedGenders": ["MALE"], "totalPlaces": 4} | maxAge
            report in the future     | {"locationId": LOCATION, "name": "x", "careType": "43", "securityLevel": "OPEN", "minAge": 12, "maxAge": 18, "acceptedGenders": ["MALE"], "totalPlaces": 4, "reportedAt": "2999-01-01T00:00:00Z"} | reportedAt
            malformed report time    | {"locationId": LOCATION, "name": "x", "careType": "43", "securityLevel": "OPEN", "minAge": 12, "maxAge": 18, "acceptedGenders": ["MALE"], "totalPlaces": 4, "reportedAt": "yesterday"} | reportedAt
            """)
    void refusesInvalidInputByFieldAndChangesNothing(String situation, String body, String field) {
        Map<String, Long> before = tables.now();
        Api.Response response = intake.post("/api/v1/offers", body.replace("LOCATION", apeldoorn.getId().toString()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.violatedFields()).containsExactly(field);
        assertThat(tables.now()).isEqualTo(before);
    }

    @Test
    void refusesAnOversizedName() {
        Map<String, Long> before = tables.now();
        OfferInputDto input = Api.offer(apeldoorn.getId(), "43", SecurityLevelDto.OPEN, 4).name("n".repeat(201));
        assertThat(intake.post("/api/v1/offers", input).violatedFields()).containsExactly("name");
        assertThat(tables.now()).isEqualTo(before);
    }

    @Test
    void letsAnIntakeChangeOnlyItsOwnOffers() {
        ProviderDto other = api.createProvider();
        LocationDto theirLocation = api.createLocation(other, "GM0301");
        OfferDto theirs = api.createOffer(Api.offer(theirLocation.getId(), "43", SecurityLevelDto.SECURE, 6));
        String uri = "/api/v1/offers/" + theirs.getId();

        assertThat(intake.put(uri + "/capacity", new CapacityReportDto(0, 0L)).status()).isEqualTo(404);
        assertThat(intake.put(uri, Api.offer(theirLocation.getId(), "43", SecurityLevelDto.SECURE, 0).version(0L))
                .status()).isEqualTo(404);
        assertThat(intake.delete(uri).status()).isEqualTo(404);
        assertThat(intake.post("/api/v1/offers", Api.offer(theirLocation.getId(), "43", SecurityLevelDto.OPEN, 2))
                .status()).isEqualTo(403);
        assertThat(intake.get(uri).body().get("totalPlaces").asInt()).as("everyone reads the registry").isEqualTo(6);
    }

    private List<Long> ids(String uri) {
        Api.Response response = intake.get(uri);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().get("content").findValues("id").stream().map(JsonNode::asLong).toList();
    }
}
