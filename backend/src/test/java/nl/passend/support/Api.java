package nl.passend.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.passend.api.model.ContractCareTypeDto;
import nl.passend.api.model.ContractDto;
import nl.passend.api.model.ContractInputDto;
import nl.passend.api.model.ContractParticipationDto;
import nl.passend.api.model.GenderDto;
import nl.passend.api.model.LocationDto;
import nl.passend.api.model.LocationInputDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.OfferInputDto;
import nl.passend.api.model.OrganisationDto;
import nl.passend.api.model.OrganisationInputDto;
import nl.passend.api.model.OrganisationTypeDto;
import nl.passend.api.model.ParticipationStateDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.ProviderInputDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.security.Actor;
import nl.passend.security.ActorUserDetails;

/**
 * Calls the API as a client would, anonymously or as an actor, and builds registry data through it, each time as the
 * actor who may do so, with names no other test uses.
 */
@TestComponent
public class Api {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final Actors actors;
    private final @Nullable Actor actor;

    @Autowired
    Api(MockMvc mvc, ObjectMapper json, Actors actors) {
        this(mvc, json, actors, null);
    }

    private Api(MockMvc mvc, ObjectMapper json, Actors actors, @Nullable Actor actor) {
        this.mvc = mvc;
        this.json = json;
        this.actors = actors;
        this.actor = actor;
    }

    /** The same client, signed in as the actor. */
    public Api as(Actor other) {
        return new Api(mvc, json, actors, other);
    }

    public Api asAdmin() {
        return as(actors.admin());
    }

    public Api asPlanner() {
        return as(actors.planner());
    }

    public Api asIntakeOf(ProviderDto provider) {
        return as(actors.intake(provider.getOrganisationId()));
    }

    public Api asPurchaserOf(String municipalityCode) {
        return as(actors.purchaser(municipalityCode));
    }

    public Api asOfficer() {
        return as(actors.probationOfficer());
    }

    public Api asOtherOfficer() {
        return as(actors.otherProbationOfficer());
    }

    /** A response: its status, its content type and its body as JSON. */
    public record Response(int status, String contentType, JsonNode body) {

        public boolean is(HttpStatus expected) {
            return status == expected.value();
        }

        /** The fields a problem document names as violated. */
        public List<String> violatedFields() {
            return body.path("violations").findValuesAsText("field");
        }
    }

    public Response get(String uri) {
        return call(MockMvcRequestBuilders.get(uri));
    }

    public Response post(String uri, Object body) {
        return call(MockMvcRequestBuilders.post(uri).contentType(MediaType.APPLICATION_JSON).content(text(body)));
    }

    /** Posts with one extra header, such as an {@code Idempotency-Key}. */
    public Response post(String uri, Object body, String header, String value) {
        return call(MockMvcRequestBuilders.post(uri).header(header, value).contentType(MediaType.APPLICATION_JSON)
                .content(text(body)));
    }

    public Response put(String uri, Object body) {
        return call(MockMvcRequestBuilders.put(uri).contentType(MediaType.APPLICATION_JSON).content(text(body)));
    }

    public Response delete(String uri) {
        return call(MockMvcRequestBuilders.delete(uri));
    }

    public <T> T read(Response response, Class<T> type) {
        try {
            return json.treeToValue(response.body(), type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A name that no other test and no earlier run uses. */
    public static String unique(String prefix) {
        return prefix + " " + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public OrganisationDto createOrganisation(OrganisationTypeDto type) {
        return created(asAdmin().post("/api/v1/organisations", new OrganisationInputDto(unique("Organisation"), type)),
                OrganisationDto.class);
    }

    public ProviderDto createProvider() {
        OrganisationDto organisation = createOrganisation(OrganisationTypeDto.CARE_PROVIDER);
        return created(asAdmin().post("/api/v1/providers", new ProviderInputDto(organisation.getId())),
                ProviderDto.class);
    }

    public LocationDto createLocation(ProviderDto provider, String municipality) {
        return created(asIntakeOf(provider).post("/api/v1/locations",
                new LocationInputDto(provider.getId(), unique("Location"), municipality)), LocationDto.class);
    }

    public static OfferInputDto offer(long locationId, String careType, SecurityLevelDto level, int totalPlaces) {
        return new OfferInputDto(locationId, unique("Offer"), careType, level, 12, 18,
                Set.of(GenderDto.MALE, GenderDto.FEMALE, GenderDto.X), totalPlaces);
    }

    /** Creates the offer as the intake of the provider whose location it is at. */
    public OfferDto createOffer(OfferInputDto input) {
        Api admin = asAdmin();
        long providerId = admin.get("/api/v1/locations/" + input.getLocationId()).body().get("providerId").asLong();
        long organisationId = admin.get("/api/v1/providers/" + providerId).body().get("organisationId").asLong();
        return created(as(actors.intake(organisationId)).post("/api/v1/offers", input), OfferDto.class);
    }

    /** The journey's youth: 16, from Zutphen, needing residential care with treatment, at least semi-secure, LVB. */
    public static String referral(String pseudonym) {
        return """
                {"youth": {"pseudonym": "%s", "birthDate": "%s", "gender": "MALE", "homeMunicipality": "GM0301"},
                 "legalFramework": "SCHORSING_VOORLOPIGE_HECHTENIS", "careType": "43", "minSecurityLevel": "SEMI_SECURE",
                 "requiredSpecialisms": ["LVB"], "urgency": "HIGH", "requestedStart": "%s", "expectedDurationDays": 182,
                 "excludedMunicipalities": ["GM0150"], "contextNote": "Suspected of a violent robbery in Deventer."}
                """.formatted(pseudonym, LocalDate.now().minusYears(16).minusMonths(3), LocalDate.now().plusDays(1));
    }

    public static ContractInputDto contract(long providerId, String lead, Set<String> municipalities, String careType,
            LocalDate from, LocalDate until) {
        return new ContractInputDto(unique("C"), providerId, lead, municipalities,
                new ArrayList<>(List.of(new ContractCareTypeDto(careType, new BigDecimal("450.00")))), from, until);
    }

    /**
     * Creates the contract as a purchaser of its lead municipality, and confirms each other municipality's pending
     * participation (one a mandate confirmed is not) as a purchaser of that municipality, so that all are parties;
     * answers the contract as it is then.
     */
    public ContractDto createContract(ContractInputDto input) {
        ContractDto contract = createPendingContract(input);
        List<String> pending = contract.getParticipations().stream()
                .filter(participation -> participation.getState() == ParticipationStateDto.PENDING)
                .map(ContractParticipationDto::getMunicipality).toList();
        for (String municipality : pending) {
            Response confirmed = asPurchaserOf(municipality).post("/api/v1/contracts/" + contract.getId()
                    + "/confirmation", Map.of("version", contract.getVersion()));
            if (!confirmed.is(HttpStatus.OK)) {
                throw new AssertionError("Expected 200 but got " + confirmed.status() + ": " + confirmed.body());
            }
            contract = read(confirmed, ContractDto.class);
        }
        return contract;
    }

    /** Creates the contract as a purchaser of its lead municipality; the others' participations are pending. */
    public ContractDto createPendingContract(ContractInputDto input) {
        return created(asPurchaserOf(input.getLeadMunicipality()).post("/api/v1/contracts", input), ContractDto.class);
    }

    private <T> T created(Response response, Class<T> type) {
        if (!response.is(HttpStatus.CREATED)) {
            throw new AssertionError("Expected 201 but got " + response.status() + ": " + response.body());
        }
        return read(response, type);
    }

    /** Gets a representation other than JSON, such as {@code text/csv}, as text. */
    public String getText(String uri, String mediaType) {
        try {
            return mvc.perform(signedIn(MockMvcRequestBuilders.get(uri).accept(mediaType))).andReturn().getResponse()
                    .getContentAsString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
        if (actor != null) {
            ActorUserDetails user = new ActorUserDetails(actor, "", true);
            request.with(SecurityMockMvcRequestPostProcessors.authentication(
                    new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities())));
        }
        return request;
    }

    private Response call(MockHttpServletRequestBuilder request) {
        try {
            request.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            MvcResult result = mvc.perform(signedIn(request)).andReturn();
            String content = result.getResponse().getContentAsString();
            JsonNode body = content.isEmpty() ? json.nullNode() : json.readTree(content);
            return new Response(result.getResponse().getStatus(), result.getResponse().getContentType(), body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(Object body) {
        try {
            return body instanceof String raw ? raw : json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
