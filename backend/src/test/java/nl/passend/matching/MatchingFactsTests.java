package nl.passend.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.passend.api.model.ContractDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.solver.Contract;
import nl.passend.solver.Offer;
import nl.passend.support.Api;
import nl.passend.support.IntegrationTest;

/**
 * How the region's rows become the solver's facts: capacity, pinned places, spent budget and open demand. It shares
 * the end-to-end tests' context and database, so it looks only at the rows it made itself.
 */
@IntegrationTest
class MatchingFactsTests {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MatchingFacts facts;

    /**
     * An offer of 5 places, 2 taken outside Passend, one proposed and one ended here, under a contract of € 100,000
     * at € 450 a day; the ended placement's referral expected 182 days (€ 81,900 spent). An open referral waits.
     */
    @Test
    void pinsHeldPlacesAndTakesEndedPlacementsOffTheBudget() {
        ProviderDto provider = api.createProvider();
        OfferDto offer = api.createOffer(Api.offer(api.createLocation(provider, "GM0200").getId(), "43",
                SecurityLevelDto.SEMI_SECURE, 5).externallyOccupied(2).specialisms(Set.of("LVB")));
        ContractDto contract = api.createContract(Api.contract(provider.getId(), "GM0200", Set.of("GM0200", "GM0301"),
                "43", LocalDate.now().minusMonths(6), LocalDate.now().plusMonths(6))
                .budgetCeiling(new BigDecimal("100000")));
        long open = refer("FACTS-OPEN");
        long proposed = refer("FACTS-PROPOSED");
        long ended = refer("FACTS-ENDED");
        jdbc.update("update referral set status = 'PROPOSED' where id = ?", proposed);
        jdbc.update("update referral set status = 'COMPLETED' where id = ?", ended);
        placement(proposed, offer, contract, "PROPOSED");
        placement(ended, offer, contract, "ENDED");

        MatchingFacts.Facts found = facts.load("MIDDEN_IJSSEL_OOST_VELUWE");

        Offer fact = found.offers().stream().filter(o -> o.id() == offer.getId()).findFirst().orElseThrow();
        assertThat(fact.capacity()).as("5 places less 2 taken outside Passend").isEqualTo(3);
        Contract paying = found.contracts().stream().filter(c -> c.id() == contract.getId()).findFirst().orElseThrow();
        assertThat(paying.budgetCeilingCents()).isEqualTo((100_000 - 450 * 182) * 100L);
        assertThat(found.open()).extracting(demand -> demand.referralId()).contains(open)
                .doesNotContain(proposed, ended);
        assertThat(found.existing()).filteredOn(place -> place.offerId() == offer.getId()).singleElement()
                .satisfies(place -> assertThat(place.demand().referralId()).isEqualTo(proposed));
        assertThat(found.youthRegionByReferral()).containsEntry(open, "MIDDEN_IJSSEL_OOST_VELUWE");
    }

    /**
     * Matching covers the youths of a contract's parties only: Hattem's from the moment Hattem consents (Hattem has
     * given Apeldoorn no mandate, in the demo data either).
     */
    @Test
    void coversTheYouthsOfTheContractsPartiesOnly() {
        ProviderDto provider = api.createProvider();
        ContractDto contract = api.createPendingContract(Api.contract(provider.getId(), "GM0200",
                Set.of("GM0200", "GM0244"), "43", LocalDate.now().minusMonths(6), LocalDate.now().plusMonths(6)));

        assertThat(contractFact(contract).municipalities()).as("Hattem's participation is pending")
                .containsExactly("GM0200");
        assertThat(api.asPurchaserOf("GM0244").post("/api/v1/contracts/" + contract.getId() + "/confirmation",
                Map.of("version", contract.getVersion())).status()).isEqualTo(200);
        assertThat(contractFact(contract).municipalities()).containsExactlyInAnyOrder("GM0200", "GM0244");
    }

    private Contract contractFact(ContractDto contract) {
        return facts.load("MIDDEN_IJSSEL_OOST_VELUWE").contracts().stream().filter(c -> c.id() == contract.getId())
                .findFirst().orElseThrow();
    }

    private long refer(String pseudonym) {
        return api.asOfficer().post("/api/v1/referrals", Api.referral(pseudonym)).body().get("id").asLong();
    }

    private void placement(long referral, OfferDto offer, ContractDto contract, String status) {
        jdbc.update("""
                insert into placement (referral_id, offer_id, contract_id, status, proposed_at, proposed_by, version)
                values (?, ?, ?, ?, ?, 'planner', 0)""", referral, offer.getId(), contract.getId(), status,
                Timestamp.from(Instant.now()));
    }
}
