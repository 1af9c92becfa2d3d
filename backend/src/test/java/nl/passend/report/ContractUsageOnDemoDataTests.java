package nl.passend.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.passend.support.FreshDatabase;
import nl.passend.support.IntegrationTest;

/**
 * Contract usage of the demo's contract 2026-MIJ-001 (Hazelaar, led by Apeldoorn, with Epe GM0232 and six more
 * municipalities of Midden-IJssel/Oost-Veluwe, not Doetinchem) on 30 November 2026, read by the README's demo users.
 * One Epe youth's stay of 1 February to 1 June at € 298 a day is in it: 120 care days, € 35,760.
 */
@IntegrationTest
@FreshDatabase(demo = true)
class ContractUsageOnDemoDataTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void showsApeldoornThatEpeSettlesOnOneStay() throws Exception {
        JsonNode usage = contract("inkoper.apeldoorn", "apeldoorn-demo");

        JsonNode epe = municipality(usage, "GM0232");
        assertThat(epe.get("careDays").asLong()).isEqualTo(120);
        assertThat(epe.get("eurosUsed").asDouble()).isEqualTo(35_760);
        assertThat(usage.get("careDays").asLong()).as("with 182 and 107 days of two youths still in care")
                .isEqualTo(409);
    }

    /**
     * Doetinchem is not party to the contract: it reads the totals, where four youths are behind the care days and
     * euros (the Epe stay, two in care and one accepted): too few, so they are left out.
     */
    @Test
    void showsDoetinchemNeitherEpesStayNorTheSumsOfFourYouths() throws Exception {
        JsonNode usage = contract("inkoper.doetinchem", "doetinchem-demo");

        assertThat(usage.get("municipalities")).isEmpty();
        assertThat(usage.get("placementsNow").asText()).isEqualTo("<5");
        assertThat(usage.get("budgetCeiling").asDouble()).isEqualTo(2_400_000);
        assertThat(usage.has("careDays")).isFalse();
        assertThat(usage.has("eurosUsed")).isFalse();
        assertThat(usage.has("eurosCommitted")).isFalse();
        assertThat(usage.has("budgetCommittedPercent")).isFalse();
        assertThat(usage.toString()).doesNotContain("35760").doesNotContain("GM0232");
    }

    @Test
    void showsThePlannerNeitherEpesStayNorTheSumsOfFourYouths() throws Exception {
        JsonNode usage = contract("planner", "planner-demo");

        assertThat(usage.get("municipalities")).isEmpty();
        assertThat(usage.get("placementsNow").asText()).isEqualTo("<5");
        assertThat(usage.has("careDays")).isFalse();
    }

    /** The usage of 2026-MIJ-001 on 30 November 2026, as the demo user reads it. */
    private JsonNode contract(String username, String password) throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/reports/contract-usage?on=2026-11-30&municipality=GM0232&size=100")
                .with(httpBasic(username, password))).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        for (JsonNode usage : json.readTree(result.getResponse().getContentAsString()).get("content")) {
            if (usage.get("reference").asText().equals("2026-MIJ-001")) {
                return usage;
            }
        }
        throw new AssertionError("No usage of 2026-MIJ-001 for " + username);
    }

    private static JsonNode municipality(JsonNode usage, String code) {
        for (JsonNode municipality : usage.get("municipalities")) {
            if (municipality.get("municipality").asText().equals(code)) {
                return municipality;
            }
        }
        throw new AssertionError("No " + code + " in " + usage);
    }
}
