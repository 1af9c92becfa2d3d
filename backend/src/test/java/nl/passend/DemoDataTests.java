package nl.passend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.support.Api;
import nl.passend.support.FreshDatabase;
import nl.passend.support.IntegrationTest;

/** The Oost-Nederland demo data set loads from an empty database and tells the stories of JOURNEYS.md. */
@IntegrationTest
@FreshDatabase(demo = true)
class DemoDataTests {

    @Autowired
    Api api;

    @BeforeEach
    void signIn() {
        api = api.asPlanner();
    }

    @Test
    void hasTheSizeOfARealRegion() {
        assertThat(total("/api/v1/providers")).isGreaterThanOrEqualTo(20);
        assertThat(total("/api/v1/locations")).isGreaterThanOrEqualTo(40);
        assertThat(total("/api/v1/offers")).isGreaterThanOrEqualTo(80);
        assertThat(total("/api/v1/contracts")).isGreaterThanOrEqualTo(25);
        for (String level : List.of("AMBULANT", "OPEN", "SEMI_SECURE", "SECURE", "JUSTICE")) {
            assertThat(total("/api/v1/offers?securityLevel=" + level)).as(level).isPositive();
        }
        for (String careType : List.of("43", "44", "45", "46", "54")) {
            assertThat(total("/api/v1/offers?careType=" + careType)).as(careType).isPositive();
        }
    }

    @Test
    void hasJointContractsAcrossYouthRegions() {
        Map<String, String> regionOf = new HashMap<>();
        api.get("/api/v1/municipalities").body()
                .forEach(m -> regionOf.put(m.get("code").asText(), m.get("youthRegion").asText()));
        long acrossRegions = StreamSupport.stream(api.get("/api/v1/contracts?size=100").body().get("content")
                .spliterator(), false)
                .filter(contract -> {
                    Set<String> regions = new HashSet<>();
                    contract.get("participatingMunicipalities").forEach(code -> regions.add(regionOf.get(code.asText())));
                    return regions.size() > 1;
                })
                .count();
        assertThat(acrossRegions).isGreaterThanOrEqualTo(3);
    }

    @Test
    void isScarceWhereTheJourneysSayItIs() {
        assertThat(total("/api/v1/offers?hasFreePlaces=false")).as("full offers").isGreaterThanOrEqualTo(5);
        assertThat(api.get("/api/v1/offers/1").body().get("freePlaces").asInt()).as("the last place in Apeldoorn")
                .isEqualTo(1);
        assertThat(total("/api/v1/offers?municipality=GM0301&careType=43&securityLevel=SECURE&hasFreePlaces=true"))
                .as("a free secure place in Zutphen").isZero();
        assertThat(total("/api/v1/contracts?municipality=GM0294&careType=43&validOn=2026-12-01"))
                .as("a contract for residential care for Winterswijk").isZero();
        assertThat(total("/api/v1/offers?youthRegion=ACHTERHOEK&careType=46&minSecurityLevel=SECURE"
                + "&hasFreePlaces=true")).as("a free secure crisis place in the Achterhoek").isZero();

        JsonNode joint = api.get("/api/v1/contracts/3").body();
        assertThat(joint.get("volumeCeiling").asInt()).isEqualTo(12);
        assertThat(joint.get("participatingMunicipalities")).hasSize(8);
    }

    private long total(String uri) {
        Api.Response response = api.get(uri);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().get("page").get("totalElements").asLong();
    }
}
