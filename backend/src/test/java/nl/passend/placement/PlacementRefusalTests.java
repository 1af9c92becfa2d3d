package nl.passend.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import nl.passend.api.model.ContractCareTypeDto;
import nl.passend.api.model.ContractInputDto;
import nl.passend.api.model.GenderDto;
import nl.passend.api.model.OfferInputDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.solver.Eligibility.Misfit;
import nl.passend.support.Api;
import nl.passend.support.IntegrationTest;

/**
 * What a refused proposal tells, for every placement rule, through the API: the officers of the referral's own
 * organisation read the rule broken, a planner only its kind, which tells nothing of the youth. The youth is the
 * journey's (16, male, from Zutphen, care type 43, semi-secure, LVB, Deventer excluded); each rule is broken alone by
 * a place that fits every other.
 */
@IntegrationTest
class PlacementRefusalTests {

    private static final String PLACEMENTS = "/api/v1/placements";
    private static final String NEEDS = "the offer does not meet the referral's needs";
    private static final String COVER = "no contract covers the referral at this place";

    @Autowired
    Api api;

    Api officer;
    Api planner;

    /** A proposal to make: the referral, the offer and the contract. */
    record Probe(long referralId, long offerId, long contractId) {

        String input() {
            return "{\"referralId\": " + referralId + ", \"offerId\": " + offerId + ", \"contractId\": " + contractId
                    + "}";
        }
    }

    /** A rule, the probe that breaks it alone, the words the referring officers read and the kind a planner reads. */
    record Broken(String rule, Function<PlacementRefusalTests, Probe> probe, String officerReads, String plannerReads) {

        @Override
        public String toString() {
            return rule;
        }
    }

    /** Every rule of the solver's Eligibility, and the co-defendant rule of the placement service. */
    static Stream<Broken> rules() {
        return Stream.of(
                new Broken("CARE_TYPE", test -> test.probe("GM0200", offer -> offer.careType("44"), same()),
                        "the offer is care type 44, not the care type referred", NEEDS),
                new Broken("SECURITY", test -> test.probe("GM0200",
                        offer -> offer.securityLevel(SecurityLevelDto.OPEN), same()),
                        "security level OPEN is below the one required", NEEDS),
                new Broken("AGE", test -> test.probe("GM0200", offer -> offer.minAge(17), same()),
                        "the offer takes ages 17 to 18 only", NEEDS),
                new Broken("GENDER", test -> test.probe("GM0200",
                        offer -> offer.acceptedGenders(Set.of(GenderDto.FEMALE)), same()),
                        "the offer does not accept the youth's gender", NEEDS),
                new Broken("SPECIALISM", test -> test.probe("GM0200",
                        offer -> offer.specialisms(Set.of("TRAUMA")), same()),
                        "the offer lacks specialism LVB", NEEDS),
                new Broken("EXCLUDED_MUNICIPALITY", test -> test.probe("GM0150", same(), same()),
                        "the offer's municipality is excluded for this youth", COVER),
                new Broken("CONTRACT_PROVIDER", test -> test.probe("GM0200", same(),
                        contract -> contract.providerId(test.api.createProvider().getId())),
                        "the contract is with another provider", COVER),
                new Broken("CONTRACT_PERIOD", test -> test.probe("GM0200", same(),
                        contract -> contract.validFrom(LocalDate.now().plusDays(10))),
                        "the contract is not valid on the requested start", COVER),
                new Broken("CONTRACT_MUNICIPALITY", test -> test.probe("GM0200", same(),
                        contract -> contract.participatingMunicipalities(Set.of("GM0200"))),
                        "the contract does not cover the youth's home municipality", COVER),
                new Broken("CONTRACT_CARE_TYPE", test -> test.probe("GM0200", same(),
                        contract -> contract.careTypes(List.of(new ContractCareTypeDto("44", new BigDecimal("300"))))),
                        "the contract does not buy care type 43", COVER),
                new Broken("CO_DEFENDANT", PlacementRefusalTests::coDefendantAlreadyThere,
                        "a co-defendant already has a place at this location", COVER));
    }

    @BeforeEach
    void signIn() {
        officer = api.asOfficer();
        planner = api.asPlanner();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void tellsTheReferringOfficersTheRuleAndAPlannerOnlyItsKind(Broken broken) {
        Probe probe = broken.probe().apply(this);
        String refused = "Offer " + probe.offerId() + " under contract " + reference(probe.contractId())
                + " does not fit referral " + probe.referralId() + ": ";

        Api.Response officers = officer.post(PLACEMENTS, probe.input());
        assertThat(officers.status()).as(officers.body().toString()).isEqualTo(409);
        assertThat(officers.body().get("detail").asText()).startsWith(refused).contains(broken.officerReads());

        Api.Response planners = planner.post(PLACEMENTS, probe.input());
        assertThat(planners.status()).as(planners.body().toString()).isEqualTo(409);
        assertThat(planners.body().get("detail").asText()).as("the kind of rule, nothing of the youth")
                .isEqualTo(refused + broken.plannerReads() + ".");

        assertThat(officer.get("/api/v1/referrals/" + probe.referralId()).body().get("status").asText())
                .as("nothing changed").isEqualTo("OPEN");
    }

    /** A rule added to Eligibility without a case here fails. */
    @Test
    void hasACaseForEveryRuleOfEligibility() {
        assertThat(rules().map(Broken::rule))
                .containsAll(Arrays.stream(Misfit.values()).map(Misfit::name).toList());
    }

    /**
     * The referring officers may propose a place for their own referral and read its needs in the answer; an officer
     * of another organisation is answered as if the referral did not exist.
     */
    @Test
    void letsTheReferringOfficersProposeAndAnswersOthersAsIfTheReferralDidNotExist() {
        Probe fitting = probe("GM0200", same(), same());

        Api.Response other = api.asOtherOfficer().post(PLACEMENTS, fitting.input());
        Api.Response unknown = api.asOtherOfficer().post(PLACEMENTS,
                new Probe(987_654, fitting.offerId(), fitting.contractId()).input());
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.violatedFields()).containsExactly("referralId");
        assertThat(other.body().get("violations").get(0).get("message").asText())
                .isEqualTo(unknown.body().get("violations").get(0).get("message").asText()
                        .replace("987654", String.valueOf(fitting.referralId())));

        Api.Response proposed = officer.post(PLACEMENTS, fitting.input());
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(201);
        assertThat(proposed.body().get("needs").get("age").asInt()).isEqualTo(16);
        assertThat(officer.get("/api/v1/referrals/" + fitting.referralId()).body().get("status").asText())
                .isEqualTo("PROPOSED");
    }

    /**
     * The journey's youth referred anew, and a place at a new provider's location in the municipality, with two
     * places that fit the youth and a contract of Apeldoorn that covers Zutphen; each changed as the rule needs.
     */
    Probe probe(String municipality, UnaryOperator<OfferInputDto> offer, UnaryOperator<ContractInputDto> contract) {
        return probe(refer(""), municipality, offer, contract);
    }

    private Probe probe(long referral, String municipality, UnaryOperator<OfferInputDto> offer,
            UnaryOperator<ContractInputDto> contract) {
        ProviderDto provider = api.createProvider();
        long offerId = api.createOffer(offer.apply(Api.offer(api.createLocation(provider, municipality).getId(), "43",
                SecurityLevelDto.SEMI_SECURE, 2).specialisms(Set.of("LVB")))).getId();
        long contractId = api.createContract(contract.apply(Api.contract(provider.getId(), "GM0200",
                Set.of("GM0200", "GM0301"), "43", LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1))))
                .getId();
        return new Probe(referral, offerId, contractId);
    }

    /** Two co-defendants of one group; the first has a place at the location, the second is to be proposed there. */
    private static Probe coDefendantAlreadyThere(PlacementRefusalTests test) {
        String group = "\"coDefendantGroup\": \"ZUT-" + System.nanoTime() + "\", ";
        long first = test.refer(group);
        Probe second = test.probe(test.refer(group), "GM0200", same(), same());
        Api.Response placed = test.planner.post(PLACEMENTS,
                new Probe(first, second.offerId(), second.contractId()).input());
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        return second;
    }

    /** The journey's youth, with the extra fields given, referred by the officer. */
    private long refer(String extra) {
        Api.Response referred = officer.post("/api/v1/referrals",
                Api.referral("JR-" + System.nanoTime()).replace("\"contextNote\"", extra + "\"contextNote\""));
        assertThat(referred.status()).as(referred.body().toString()).isEqualTo(201);
        return referred.body().get("id").asLong();
    }

    private String reference(long contract) {
        return planner.get("/api/v1/contracts/" + contract).body().get("reference").asText();
    }

    private static <T> UnaryOperator<T> same() {
        return UnaryOperator.identity();
    }
}
