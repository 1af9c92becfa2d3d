package nl.passend.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Who may call what, as one table: every operation of the contract, called anonymously and as every demo user, with
 * the status each gets against the demo data. Two tests read it: {@link AccessRulesTests} checks every cell that the
 * security configuration decides (401 and 403) in the web layer, and that every other call gets past it;
 * {@link AccessByOrganisationTests} checks every other cell end to end, where the services decide by organisation
 * (404 for another organisation's resource) and audit each change. The table must name every operation in
 * {@code openapi.yaml}: an operation added without a rule fails. The contract's fuzz test takes its valid requests
 * and callers from here too.
 */
public final class AccessMatrix {

    /** The callers, in the order of the status columns below; passwords as in the README. */
    public static final List<String> CALLERS = List.of("anonymous", "admin", "planner", "inkoper.apeldoorn",
            "inkoper.doetinchem", "jr.gelderland", "raad.oost", "intake.hazelaar", "intake.kroonbeek");

    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("organisation", """
                    {"name": "Zorg- en Veiligheidshuis Achterhoek", "type": "SAFETY_HOUSE"}"""),
            Map.entry("organisation 60", """
                    {"name": "Reclasseringskantoor Oost-Nederland", "type": "ADULT_PROBATION", "active": false,
                     "version": 0}"""),
            Map.entry("provider", """
                    {"organisationId": 101}"""),
            Map.entry("provider 1", """
                    {"organisationId": 101, "agbCode": "41232332", "active": true, "version": 0}"""),
            Map.entry("location", """
                    {"providerId": 1, "name": "Hazelaar Epe", "municipalityCode": "GM0232"}"""),
            Map.entry("location 1", """
                    {"providerId": 1, "name": "Hazelaar Apeldoorn", "municipalityCode": "GM0200", "version": 0}"""),
            Map.entry("offer", """
                    {"locationId": 1, "name": "Ambulant team De Linde", "careType": "45", "securityLevel": "AMBULANT",
                     "minAge": 12, "maxAge": 23, "acceptedGenders": ["MALE", "FEMALE", "X"], "totalPlaces": 20}"""),
            Map.entry("offer 1", """
                    {"locationId": 1, "name": "Besloten LVB-groep De Linde", "careType": "43",
                     "securityLevel": "SEMI_SECURE", "minAge": 12, "maxAge": 18, "acceptedGenders": ["MALE"],
                     "specialisms": ["LVB"], "totalPlaces": 9, "externallyOccupied": 7, "version": 0}"""),
            Map.entry("capacity 1", """
                    {"totalPlaces": 8, "externallyOccupied": 8, "version": 0}"""),
            Map.entry("contract", """
                    {"reference": "2030-APD-001", "providerId": 2, "leadMunicipality": "GM0200",
                     "participatingMunicipalities": ["GM0200"], "careTypes": [{"careType": "43", "dailyTariff": 700}],
                     "validFrom": "2030-01-01", "validUntil": "2030-12-31"}"""),
            Map.entry("contract 3", """
                    {"reference": "2026-MIJ-002", "providerId": 2, "leadMunicipality": "GM0200",
                     "participatingMunicipalities": ["GM0200", "GM0213", "GM0150", "GM0232", "GM0246", "GM0262",
                       "GM0285", "GM0301", "GM0244"],
                     "careTypes": [{"careType": "43", "dailyTariff": 685.00}, {"careType": "46", "dailyTariff": 695.00}],
                     "validFrom": "2026-01-01", "validUntil": "2026-12-31", "volumeCeiling": 12,
                     "budgetCeiling": 2950000.00, "version": 0}"""),
            Map.entry("mandate", """
                    {"grantingMunicipality": "GM0200", "leadMunicipality": "GM0222", "careTypes": ["43", "46"],
                     "validFrom": "2030-01-01", "validUntil": "2030-12-31"}"""),
            Map.entry("user", """
                    {"username": "inkoper.zutphen", "displayName": "Inkoper Zutphen", "password": "a-long-passphrase",
                     "role": "PURCHASER", "organisationId": 2}"""),
            Map.entry("referral", """
                    {"youth": {"pseudonym": "X-2026-0001", "birthDate": "2010-05-01", "gender": "X",
                       "homeMunicipality": "GM0222"},
                     "legalFramework": "JEUGDRECLASSERING", "careType": "45", "minSecurityLevel": "AMBULANT",
                     "urgency": "NORMAL", "requestedStart": "2026-12-14", "expectedDurationDays": 90}"""),
            Map.entry("closing", """
                    {"reason": "The judge lifted the condition", "version": 0}"""),
            Map.entry("placement", """
                    {"referralId": 1, "offerId": 1, "contractId": 1}"""),
            Map.entry("version", """
                    {"version": 0}"""),
            Map.entry("decline", """
                    {"reason": "CAPACITY_FULL", "version": 0}"""),
            Map.entry("start", """
                    {"startedOn": "2026-11-26", "version": 0}"""),
            Map.entry("end", """
                    {"endedOn": "2026-11-27", "reason": "31", "version": 0}"""),
            Map.entry("aftercare", """
                    {"returnMunicipality": "GM0213",
                     "partners": [{"kind": "NEIGHBOURHOOD_TEAM", "organisationName": "Sociaal Team Brummen",
                                   "contactName": "Fatima el Amrani"}],
                     "tasks": [{"description": "Arrange a school place", "responsible": "SCHOOL_OR_WORK",
                                "dueDate": "2026-12-01", "status": "DONE"}],
                     "version": 0}"""),
            Map.entry("scenario", """
                    {"youthRegion": "ACHTERHOEK", "timeLimitSeconds": 1,
                     "changes": [{"kind": "EXTRA_PLACES", "offerId": 1, "places": 2}]}"""),
            Map.entry("purchase advice", """
                    {"youthRegion": "ACHTERHOEK"}"""),
            Map.entry("matching run", """
                    {"youthRegion": "MIDDEN_IJSSEL_OOST_VELUWE", "timeLimitSeconds": 1}"""),
            Map.entry("matching schedule", """
                    {"youthRegion": "ACHTERHOEK", "cron": "0 0 7 * * MON", "timeLimitSeconds": 1}"""),
            Map.entry("matching schedule 999", """
                    {"youthRegion": "ACHTERHOEK", "cron": "0 0 7 * * MON", "timeLimitSeconds": 1, "version": 0}"""),
            Map.entry("user 3", """
                    {"username": "inkoper.apeldoorn", "displayName": "Inkoper jeugdhulp Apeldoorn", "role": "PURCHASER",
                     "organisationId": 1, "active": false, "version": 0}"""));

    /**
     * operationId, request, body, then the status for each caller in {@link #CALLERS}: anonymous, admin, planner,
     * the purchasers of Apeldoorn and Doetinchem, the probation officers of Jeugdreclassering Gelderland Oost (whose
     * referrals 1 to 10 are) and of the Child Protection Board, and the intakes of Hazelaar (provider 1, whose offers
     * 1 and 2, location 1 and placements are) and Kroonbeek (provider 2). Contract 3 is Midden-IJssel's, with
     * Apeldoorn a party already (so it cannot confirm or decline again: 409). Mandate 3 is Apeldoorn's to Deventer.
     * Matching run 1 is the finished run of {@code AccessByOrganisationTests}, purchase advice 1 its finished advice.
     */
    private static final String RULES = """
            listYouthRegions    | GET /api/v1/youth-regions            |              | 401 200 200 200 200 200 200 200 200
            listMunicipalities  | GET /api/v1/municipalities           |              | 401 200 200 200 200 200 200 200 200
            getMunicipality     | GET /api/v1/municipalities/GM0301    |              | 401 200 200 200 200 200 200 200 200
            listCareTypes       | GET /api/v1/care-types               |              | 401 200 200 200 200 200 200 200 200
            listSpecialisms     | GET /api/v1/specialisms              |              | 401 200 200 200 200 200 200 200 200
            listSecurityLevels  | GET /api/v1/security-levels          |              | 401 200 200 200 200 200 200 200 200
            listOrganisations   | GET /api/v1/organisations            |              | 401 200 200 200 200 200 200 200 200
            getOrganisation     | GET /api/v1/organisations/1          |              | 401 200 200 200 200 200 200 200 200
            createOrganisation  | POST /api/v1/organisations           | organisation | 401 201 403 403 403 403 403 403 403
            updateOrganisation  | PUT /api/v1/organisations/60         | organisation 60 | 401 200 403 403 403 403 403 403 403
            deleteOrganisation  | DELETE /api/v1/organisations/42      |              | 401 204 403 403 403 403 403 403 403
            listProviders       | GET /api/v1/providers                |              | 401 200 200 200 200 200 200 200 200
            getProvider         | GET /api/v1/providers/1              |              | 401 200 200 200 200 200 200 200 200
            createProvider      | POST /api/v1/providers               | provider     | 401 409 403 403 403 403 403 403 403
            updateProvider      | PUT /api/v1/providers/1              | provider 1   | 401 200 403 403 403 403 403 403 403
            deleteProvider      | DELETE /api/v1/providers/1           |              | 401 409 403 403 403 403 403 403 403
            listLocations       | GET /api/v1/locations                |              | 401 200 200 200 200 200 200 200 200
            getLocation         | GET /api/v1/locations/1              |              | 401 200 200 200 200 200 200 200 200
            createLocation      | POST /api/v1/locations               | location     | 401 403 403 403 403 403 403 201 403
            updateLocation      | PUT /api/v1/locations/1              | location 1   | 401 403 403 403 403 403 403 200 404
            deleteLocation      | DELETE /api/v1/locations/1           |              | 401 403 403 403 403 403 403 409 404
            listOffers          | GET /api/v1/offers                   |              | 401 200 200 200 200 200 200 200 200
            getOffer            | GET /api/v1/offers/1                 |              | 401 200 200 200 200 200 200 200 200
            createOffer         | POST /api/v1/offers                  | offer        | 401 403 403 403 403 403 403 201 403
            updateOffer         | PUT /api/v1/offers/1                 | offer 1      | 401 403 403 403 403 403 403 200 404
            reportCapacity      | PUT /api/v1/offers/1/capacity        | capacity 1   | 401 403 403 403 403 403 403 200 404
            deleteOffer         | DELETE /api/v1/offers/1              |              | 401 403 403 403 403 403 403 204 404
            listContracts       | GET /api/v1/contracts                |              | 401 200 200 200 200 200 200 200 200
            getContract         | GET /api/v1/contracts/3              |              | 401 200 200 200 200 200 200 200 200
            createContract      | POST /api/v1/contracts               | contract     | 401 403 403 201 403 403 403 403 403
            updateContract      | PUT /api/v1/contracts/3              | contract 3   | 401 403 403 200 404 403 403 403 403
            deleteContract      | DELETE /api/v1/contracts/3           |              | 401 403 403 204 404 403 403 403 403
            confirmContractParticipation | POST /api/v1/contracts/3/confirmation | version | 401 403 403 409 404 403 403 403 403
            declineContractParticipation | POST /api/v1/contracts/3/decline | version     | 401 403 403 409 404 403 403 403 403
            listMandates        | GET /api/v1/mandates                 |              | 401 200 200 200 200 200 200 200 200
            getMandate          | GET /api/v1/mandates/3               |              | 401 200 200 200 200 200 200 200 200
            grantMandate        | POST /api/v1/mandates                | mandate      | 401 403 403 201 403 403 403 403 403
            revokeMandate       | POST /api/v1/mandates/3/revocation   | version      | 401 403 403 200 404 403 403 403 403
            getCurrentUser      | GET /api/v1/users/me                 |              | 401 200 200 200 200 200 200 200 200
            listUsers           | GET /api/v1/users                    |              | 401 200 403 403 403 403 403 403 403
            createUser          | POST /api/v1/users                   | user         | 401 201 403 403 403 403 403 403 403
            getUser             | GET /api/v1/users/3                  |              | 401 200 403 403 403 403 403 403 403
            updateUser          | PUT /api/v1/users/3                  | user 3       | 401 200 403 403 403 403 403 403 403
            listAuditEvents     | GET /api/v1/audit-events             |              | 401 200 403 403 403 403 403 403 403
            listReferrals       | GET /api/v1/referrals                |              | 401 403 403 403 403 200 200 403 403
            createReferral      | POST /api/v1/referrals               | referral     | 401 403 403 403 403 201 201 403 403
            getReferral         | GET /api/v1/referrals/1              |              | 401 403 403 403 403 200 404 403 403
            getReferralHistory  | GET /api/v1/referrals/1/history      |              | 401 403 403 403 403 200 404 403 403
            withdrawReferral    | POST /api/v1/referrals/1/withdrawal  | closing      | 401 403 403 403 403 200 404 403 403
            cancelReferral      | POST /api/v1/referrals/1/cancellation | closing     | 401 403 403 403 403 200 404 403 403
            listPlacements      | GET /api/v1/placements               |              | 401 403 403 403 403 200 200 200 200
            getPlacement        | GET /api/v1/placements/1             |              | 401 403 403 403 403 200 404 200 404
            proposePlacement    | POST /api/v1/placements              | placement    | 401 403 201 403 403 201 400 403 403
            acceptPlacement     | POST /api/v1/placements/1/acceptance | version      | 401 403 403 403 403 403 403 200 404
            declinePlacement    | POST /api/v1/placements/1/decline    | decline      | 401 403 403 403 403 403 403 200 404
            startPlacement      | POST /api/v1/placements/2/start      | start        | 401 403 403 403 403 403 403 200 404
            endPlacement        | POST /api/v1/placements/3/end        | end          | 401 403 403 403 403 403 403 200 404
            getAftercarePlan    | GET /api/v1/placements/3/aftercare-plan |           | 401 403 403 403 403 200 404 200 404
            saveAftercarePlan   | PUT /api/v1/placements/3/aftercare-plan | aftercare |  401 403 403 403 403 200 404 403 403
            listAftercareDue    | GET /api/v1/aftercare/due            |              | 401 403 403 403 403 200 200 200 200
            listOverdueAftercareTasks | GET /api/v1/aftercare/overdue-tasks |         | 401 403 403 403 403 200 200 200 200
            listMatchingRuns    | GET /api/v1/matching-runs            |              | 401 403 200 403 403 403 403 403 403
            startMatchingRun    | POST /api/v1/matching-runs           | matching run | 401 403 202 403 403 403 403 403 403
            getMatchingRun      | GET /api/v1/matching-runs/1          |              | 401 403 200 403 403 403 403 403 403
            applyMatchingRun    | POST /api/v1/matching-runs/1/apply   |              | 401 403 200 403 403 403 403 403 403
            listMatchingSchedules | GET /api/v1/matching-schedules     |              | 401 403 200 403 403 403 403 403 403
            createMatchingSchedule | POST /api/v1/matching-schedules   | matching schedule | 401 403 201 403 403 403 403 403 403
            getMatchingSchedule | GET /api/v1/matching-schedules/999   |              | 401 403 404 403 403 403 403 403 403
            updateMatchingSchedule | PUT /api/v1/matching-schedules/999 | matching schedule 999 | 401 403 404 403 403 403 403 403 403
            deleteMatchingSchedule | DELETE /api/v1/matching-schedules/999 |          | 401 403 404 403 403 403 403 403 403
            getReferralExplanation | GET /api/v1/referrals/1/explanation |            | 401 403 403 403 403 200 404 403 403
            getGapReport        | GET /api/v1/reports/gaps             |              | 401 403 200 200 200 403 403 403 403
            getContractUsage    | GET /api/v1/reports/contract-usage   |              | 401 403 200 200 200 403 403 403 403
            listScenarios       | GET /api/v1/scenarios                |              | 401 403 200 200 200 403 403 403 403
            startScenario       | POST /api/v1/scenarios               | scenario     | 401 403 202 202 202 403 403 403 403
            getScenario         | GET /api/v1/scenarios/1              |              | 401 403 200 200 200 403 403 403 403
            listPurchaseAdvice  | GET /api/v1/purchase-advice          |              | 401 403 200 200 200 403 403 403 403
            startPurchaseAdvice | POST /api/v1/purchase-advice         | purchase advice | 401 403 202 202 202 403 403 403 403
            getPurchaseAdvice   | GET /api/v1/purchase-advice/1        |              | 401 403 200 200 200 403 403 403 403
            """;

    private static final Set<String> OPERATION_METHODS = Set.of("get", "put", "post", "delete", "patch");

    private AccessMatrix() {
    }

    public record Rule(String operationId, HttpMethod method, String path, String body, List<Integer> statuses) {

        public int statusFor(String caller) {
            return statuses.get(CALLERS.indexOf(caller));
        }

        /**
         * Whether the security configuration answers this caller, before any service is asked: anonymous callers
         * always, and a role that every demo user in it is refused. A 403 for one intake and not for the other is the
         * service's (another provider's location, say).
         */
        public boolean refusedBySecurity(String caller) {
            if (caller.equals("anonymous")) {
                return true;
            }
            return CALLERS.stream().filter(other -> !other.equals("anonymous") && role(other) == role(caller))
                    .allMatch(other -> statusFor(other) == 403);
        }

        /** The request, without credentials. */
        MockHttpServletRequestBuilder request() {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(body);
            }
            return request;
        }
    }

    public static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (String line : RULES.strip().split("\n")) {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            String[] request = cells[1].split(" ");
            List<Integer> statuses = Arrays.stream(cells[3].split("\\s+")).map(Integer::valueOf).toList();
            rules.add(new Rule(cells[0], HttpMethod.valueOf(request[0]), request[1],
                    cells[2].isEmpty() ? null : BODIES.get(cells[2]), statuses));
        }
        return rules;
    }

    /** Every cell of the table: operation, caller, rule and the status the caller gets. */
    static Stream<Arguments> calls() {
        return rules().stream().flatMap(rule -> CALLERS.stream().map(caller ->
                Arguments.of(rule.operationId(), caller, rule, rule.statusFor(caller))));
    }

    /** The operation ids of the contract. */
    static Set<String> specifiedOperations() throws IOException {
        Set<String> specified = new TreeSet<>();
        try (InputStream yaml = AccessMatrix.class.getResourceAsStream("/openapi.yaml")) {
            JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            contract.get("paths").forEach(path -> path.fields().forEachRemaining(operation -> {
                if (OPERATION_METHODS.contains(operation.getKey())) {
                    specified.add(operation.getValue().get("operationId").asText());
                }
            }));
        }
        return specified;
    }

    /** The role of each demo user. */
    static Role role(String caller) {
        return switch (caller) {
            case "admin" -> Role.ADMIN;
            case "planner" -> Role.PLANNER;
            case "inkoper.apeldoorn", "inkoper.doetinchem" -> Role.PURCHASER;
            case "jr.gelderland", "raad.oost" -> Role.PROBATION_OFFICER;
            case "intake.hazelaar", "intake.kroonbeek" -> Role.PROVIDER_INTAKE;
            default -> throw new IllegalArgumentException("No demo user " + caller);
        };
    }

    /** The demo passwords of the README: the first part of the username, then "-demo". */
    static String password(String username) {
        return switch (username) {
            case "inkoper.apeldoorn" -> "apeldoorn-demo";
            case "inkoper.doetinchem" -> "doetinchem-demo";
            case "jr.gelderland" -> "officer-demo";
            case "raad.oost" -> "raad-demo";
            case "intake.hazelaar" -> "hazelaar-demo";
            case "intake.kroonbeek" -> "kroonbeek-demo";
            default -> username + "-demo";
        };
    }
}
