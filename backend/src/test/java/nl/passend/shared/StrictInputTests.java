package nl.passend.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.passend.api.model.ContractDto;
import nl.passend.api.model.LocationDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.OrganisationTypeDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.RoleDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.api.model.UserDto;
import nl.passend.api.model.UserInputDto;
import nl.passend.security.Actor;
import nl.passend.security.ActorUserDetails;
import nl.passend.support.Actors;
import nl.passend.support.Api;
import nl.passend.support.IntegrationTest;
import nl.passend.support.TableCounts;

/**
 * Input the contract does not allow is a 400 problem document naming the field and the rule, and changes nothing:
 * the requests that crashed with a 500 or were quietly read as something else (issue 13).
 */
@IntegrationTest
class StrictInputTests {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private static final LocalDate FROM = LocalDate.of(2031, 1, 1);
    private static final LocalDate UNTIL = LocalDate.of(2031, 12, 31);

    @Autowired
    Api api;

    @Autowired
    Actors actors;

    @Autowired
    MockMvc mvc;

    @Autowired
    TableCounts tables;

    @Autowired
    JdbcTemplate jdbc;

    static ProviderDto provider;
    static LocationDto location;
    static OfferDto offer;
    static ContractDto contract;

    @BeforeEach
    void registerSupply() {
        if (provider != null) {
            return;
        }
        provider = api.createProvider();
        location = api.createLocation(provider, "GM0200");
        offer = api.createOffer(Api.offer(location.getId(), "43", SecurityLevelDto.OPEN, 4));
        contract = api.createContract(Api.contract(provider.getId(), "GM0200", Set.of("GM0200"), "43", FROM, UNTIL));
    }

    @Test
    void refusesNullInsideTheArraysOfEveryBody() {
        Api intake = api.asIntakeOf(provider);
        Api purchaser = api.asPurchaserOf("GM0200");
        Api officer = api.asOfficer();
        Api planner = api.asPlanner();

        assertRefused(intake, "POST", "/api/v1/offers", with(offer(), "acceptedGenders", items((String) null)),
                "acceptedGenders[0]", "must not be null");
        assertRefused(intake, "POST", "/api/v1/offers", with(offer(), "specialisms", items("LVB", null)),
                "specialisms[1]", "must not be null");
        assertRefused(intake, "PUT", "/api/v1/offers/" + offer.getId(),
                with(offer().put("version", 0), "acceptedGenders", items((String) null)), "acceptedGenders[0]",
                "must not be null");
        assertRefused(intake, "PUT", "/api/v1/offers/" + offer.getId(),
                with(offer().put("version", 0), "specialisms", items((String) null)), "specialisms[0]",
                "must not be null");
        assertRefused(purchaser, "POST", "/api/v1/contracts",
                with(contract(), "participatingMunicipalities", items((String) null)),
                "participatingMunicipalities[0]", "must not be null");
        assertRefused(purchaser, "POST", "/api/v1/contracts", with(contract(), "careTypes", JSON.createArrayNode()
                .addNull()), "careTypes[0]", "must not be null");
        assertRefused(purchaser, "PUT", "/api/v1/contracts/" + contract.getId(),
                with(contract().put("version", 0), "participatingMunicipalities", items("GM0200", null)),
                "participatingMunicipalities[1]", "must not be null");
        assertRefused(purchaser, "PUT", "/api/v1/contracts/" + contract.getId(),
                with(contract().put("version", 0), "careTypes", JSON.createArrayNode().addNull()), "careTypes[0]",
                "must not be null");
        assertRefused(officer, "POST", "/api/v1/referrals", with(referral(), "requiredSpecialisms", items((String) null)),
                "requiredSpecialisms[0]", "must not be null");
        assertRefused(officer, "POST", "/api/v1/referrals",
                with(referral(), "excludedMunicipalities", items((String) null)), "excludedMunicipalities[0]",
                "must not be null");
        assertRefused(planner, "POST", "/api/v1/scenarios", scenario(with(newOffer(), "specialisms",
                items((String) null))), "changes[0].specialisms[0]", "must not be null");
        assertRefused(planner, "POST", "/api/v1/scenarios", scenario(with(newOffer(), "municipalities",
                items((String) null))), "changes[0].municipalities[0]", "must not be null");
        assertRefused(planner, "POST", "/api/v1/scenarios", scenario(with(newOffer(), "careTypes",
                JSON.createArrayNode().addNull())), "changes[0].careTypes[0]", "must not be null");
        assertRefused(planner, "POST", "/api/v1/scenarios", scenario(with(extension(), "municipalities",
                items((String) null))), "changes[0].municipalities[0]", "must not be null");
        assertRefused(planner, "POST", "/api/v1/scenarios", scenario(with(extension(), "careTypes",
                JSON.createArrayNode().addNull())), "changes[0].careTypes[0]", "must not be null");
    }

    @Test
    void takesEachJsonTypeOnlyForItsOwnKindOfValue() {
        Api intake = api.asIntakeOf(provider);
        Api officer = api.asOfficer();
        Api purchaser = api.asPurchaserOf("GM0200");

        assertRefused(intake, "POST", "/api/v1/offers", offer().put("totalPlaces", "1"), "totalPlaces",
                "must be a whole number");
        assertRefused(intake, "POST", "/api/v1/offers", offer().put("totalPlaces", 1.5), "totalPlaces",
                "must be a whole number, not '1.5'");
        assertRefused(intake, "POST", "/api/v1/offers", offer().put("name", true), "name",
                "must be a string");
        assertRefused(intake, "POST", "/api/v1/offers", offer().put("careType", 43), "careType", "must be a string");
        assertRefused(intake, "POST", "/api/v1/offers", offer().put("active", "true"), "active",
                "must be true or false");
        assertRefused(intake, "POST", "/api/v1/offers", offer().put("minAge", ""), "minAge", "must be a whole number");
        assertRefused(intake, "PUT", "/api/v1/offers/" + offer.getId(), offer().put("version", 0.5), "version",
                "must be a whole number");
        assertRefused(intake, "POST", "/api/v1/offers", offer().put("reportedAt", 1_700_000_000), "reportedAt",
                "must be a date-time like");
        assertRefused(intake, "POST", "/api/v1/offers", offer().put("reportedAt", "2026-11-30T10:00:00"),
                "reportedAt", "must be a date-time like");
        assertRefused(officer, "POST", "/api/v1/referrals", referral().put("expectedDurationDays", 182.5),
                "expectedDurationDays", "must be a whole number");
        assertRefused(officer, "POST", "/api/v1/referrals", referral().put("requestedStart", "2031-03-01T00:00:00Z"),
                "requestedStart", "must be a date like 2026-12-31, not '2031-03-01T00:00:00Z'");
        assertRefused(officer, "POST", "/api/v1/referrals", referral().put("requestedStart", "+999999999-12-31"),
                "requestedStart", "must be a date like 2026-12-31");
        assertRefused(officer, "POST", "/api/v1/referrals", referral().put("requestedStart", " 2031-03-01"),
                "requestedStart", "must be a date like 2026-12-31");
        ObjectNode youth = referral();
        ((ObjectNode) youth.get("youth")).set("birthDate", items("2015", "1", "1"));
        assertRefused(officer, "POST", "/api/v1/referrals", youth, "youth.birthDate", "must be a date like");
        ObjectNode tariff = contract();
        ((ObjectNode) tariff.get("careTypes").get(0)).put("dailyTariff", "450.00");
        assertRefused(purchaser, "POST", "/api/v1/contracts", tariff, "careTypes[0].dailyTariff",
                "must be a number");
    }

    @Test
    void readsOneJsonDocumentWithEachKeyOnce() {
        Api intake = api.asIntakeOf(provider);
        String body = offer().toString();

        assertRefused(intake, "POST", "/api/v1/offers", body + " {}", "body", "nothing after it");
        assertRefused(intake, "POST", "/api/v1/offers", body + " garbage", "body", "malformed JSON");
        assertRefused(intake, "POST", "/api/v1/offers", "{\"name\": \"First\", " + body.substring(1), "name",
                "must appear only once in its object");
        String referral = referral().toString().replace("\"gender\":", "\"gender\":\"FEMALE\",\"gender\":");
        assertRefused(api.asOfficer(), "POST", "/api/v1/referrals", referral, "youth.gender",
                "must appear only once in its object");
    }

    @Test
    void holdsArraysToTheirItemLimitsAndUniqueItems() {
        ArrayNode thousandTimesApeldoorn = JSON.createArrayNode();
        for (int i = 0; i < 1000; i++) {
            thousandTimesApeldoorn.add("GM0200");
        }
        assertRefused(api.asOfficer(), "POST", "/api/v1/referrals",
                with(referral(), "excludedMunicipalities", thousandTimesApeldoorn), "excludedMunicipalities",
                "must not hold the same item twice (uniqueItems): 'GM0200' appears more than once");
        assertRefused(api.asIntakeOf(provider), "POST", "/api/v1/offers",
                with(offer(), "acceptedGenders", items("MALE", "FEMALE", "MALE")), "acceptedGenders",
                "(uniqueItems)");
        ArrayNode twentyOne = JSON.createArrayNode();
        for (int code = 200; code <= 220; code++) {
            twentyOne.add("GM0" + code);
        }
        assertRefused(api.asOfficer(), "POST", "/api/v1/referrals", with(referral(), "excludedMunicipalities",
                twentyOne), "excludedMunicipalities", "size must be between 0 and 20");
    }

    @Test
    void bindsOnlyPlainDecimalIdsInThePath() throws Exception {
        Actor admin = actors.admin();
        long id = offer.getId();
        for (String odd : new String[] {"0x" + Long.toHexString(id), "000" + id, fullWidth(id), "+" + id, "%20" + id,
                "%20", "1e1", "-0"}) {
            MvcResult result = call(get(URI.create("/api/v1/offers/" + odd)), admin);
            assertThat(result.getResponse().getStatus()).as(odd).isEqualTo(400);
            assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
            JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
            assertThat(problem.get("status").asInt()).as("the document says what the answer says").isEqualTo(400);
            assertThat(problem.path("violations").findValuesAsText("field")).containsExactly("id");
        }
        assertThat(call(get("/api/v1/offers/" + id), admin).getResponse().getStatus()).isEqualTo(200);

        // The worst case: PUT /users/0x1 changed the administrator's own account.
        long organisation = api.createOrganisation(OrganisationTypeDto.REGIONAL_PURCHASING).getId();
        UserDto account = api.asAdmin().read(api.asAdmin().post("/api/v1/users", new UserInputDto(
                "strict." + System.nanoTime(), "Strict", RoleDto.ADMIN, organisation).password("correct horse battery")),
                UserDto.class);
        Map<String, Long> before = tables.now();
        Map<String, Object> stored = jdbc.queryForMap("select * from user_account where id = ?", account.getId());
        for (String odd : new String[] {"0x" + Long.toHexString(account.getId()), "00" + account.getId(),
                fullWidth(account.getId())}) {
            MvcResult changed = call(put(URI.create("/api/v1/users/" + odd)).contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsString(new UserInputDto(account.getUsername(), "Changed",
                            RoleDto.PLANNER, organisation).version(account.getVersion()))), admin);
            assertThat(changed.getResponse().getStatus()).as(odd).isEqualTo(400);
        }
        assertThat(jdbc.queryForMap("select * from user_account where id = ?", account.getId())).isEqualTo(stored);
        assertThat(tables.now()).isEqualTo(before);
    }

    @Test
    void readsNumbersAndDatesInTheQueryAsStrictlyAsInTheBody() throws Exception {
        Actor planner = actors.planner();
        assertParameterRefused(get(URI.create("/api/v1/reports/gaps?until=%2B999999999-12-31")), planner, "until");
        assertParameterRefused(get(URI.create("/api/v1/reports/gaps?until=2031-12-31T00:00:00Z")), planner, "until");
        assertParameterRefused(get(URI.create("/api/v1/reports/gaps?from=31-12-2031")), planner, "from");
        assertParameterRefused(get(URI.create("/api/v1/offers?size=%2B5")), planner, "size");
        assertParameterRefused(get(URI.create("/api/v1/offers?size=05")), planner, "size");
        assertParameterRefused(get(URI.create("/api/v1/offers?size=99999999999")), planner, "size");
        assertParameterRefused(get(URI.create("/api/v1/audit-events?from=%2B999999999-12-31T00:00:00Z")),
                actors.admin(), "from");
        assertThat(call(get("/api/v1/reports/gaps?from=0001-01-01&until=9999-12-31"), planner).getResponse()
                .getStatus()).as("the widest period a date holds").isEqualTo(200);
        assertThat(call(get("/api/v1/offers?size="), planner).getResponse().getStatus())
                .as("an empty value is left out").isEqualTo(200);
    }

    private void assertParameterRefused(MockHttpServletRequestBuilder request, Actor actor, String parameter)
            throws Exception {
        MvcResult result = call(request, actor);
        assertThat(result.getResponse().getStatus()).as(parameter).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(result.getResponse().getContentAsString()).path("violations")
                .findValuesAsText("field")).containsExactly(parameter);
    }

    /** Sends the body as it is, and checks that it is refused for the field and rule, and that nothing changed. */
    private void assertRefused(Api as, String method, String uri, Object body, String field, String rule) {
        Map<String, Long> before = tables.now();
        long scenarios = scenarios();
        String text = body.toString();
        Api.Response response = method.equals("PUT") ? as.put(uri, text) : as.post(uri, text);

        assertThat(response.status()).as(method + " " + uri + " " + text).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.violatedFields()).as(response.body().toString()).containsExactly(field);
        assertThat(response.body().get("violations").get(0).get("message").asText()).contains(rule);
        assertThat(tables.now()).isEqualTo(before);
        assertThat(scenarios()).isEqualTo(scenarios);
    }

    private MvcResult call(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.with(user(new ActorUserDetails(actor, "", true)))).andReturn();
    }

    private long scenarios() {
        return jdbc.queryForObject("select count(*) from scenario", Long.class);
    }

    private ObjectNode offer() {
        return JSON.valueToTree(Api.offer(location.getId(), "43", SecurityLevelDto.OPEN, 3));
    }

    private ObjectNode contract() {
        return JSON.valueToTree(Api.contract(provider.getId(), "GM0200", Set.of("GM0200"), "44", FROM, UNTIL));
    }

    private static ObjectNode referral() {
        try {
            return (ObjectNode) JSON.readTree(Api.referral(Api.unique("STRICT").replaceAll("[^A-Za-z0-9]", "-")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode newOffer() {
        return JSON.createObjectNode().put("kind", "NEW_OFFER").put("careType", "43").put("securityLevel", "OPEN")
                .put("municipality", "GM0200").put("places", 2).put("dailyTariff", 400);
    }

    private static ObjectNode extension() {
        return JSON.createObjectNode().put("kind", "CONTRACT_EXTENSION").put("contractId", contract.getId());
    }

    private static ObjectNode scenario(ObjectNode change) {
        ObjectNode scenario = JSON.createObjectNode().put("timeLimitSeconds", 1);
        scenario.putArray("changes").add(change);
        return scenario;
    }

    private static ObjectNode with(ObjectNode body, String field, JsonNode value) {
        body.set(field, value);
        return body;
    }

    private static ArrayNode items(String... values) {
        ArrayNode array = JSON.createArrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    /** The id in full-width digits (U+FF10 to U+FF19), percent-encoded as a browser would send them. */
    private static String fullWidth(long id) {
        StringBuilder encoded = new StringBuilder();
        for (char digit : Long.toString(id).toCharArray()) {
            encoded.append("%EF%BC%").append(Integer.toHexString(0x90 + digit - '0').toUpperCase());
        }
        return encoded.toString();
    }
}
