package nl.passend.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.passend.api.model.ContractDto;
import nl.passend.api.model.GenderDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.security.CurrentActor;
import nl.passend.shared.NotFoundException;
import nl.passend.support.Api;
import nl.passend.support.IntegrationTest;

/**
 * {@link AftercareService#find}, which the aftercare page uses to offer a new plan: none while the placement has no
 * plan, the plan (with a read in the audit trail) once it has, and another organisation's placement not found.
 */
@IntegrationTest
class AftercareFindTests {

    @Autowired
    Api api;
    @Autowired
    nl.passend.support.Actors actors;
    @Autowired
    AftercareService aftercare;
    @Autowired
    CurrentActor currentActor;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void findsNoPlanThenThePlanAndNothingOfAnotherOrganisation() {
        Api officer = api.asOfficer();
        ProviderDto provider = api.createProvider();
        OfferDto offer = api.createOffer(Api.offer(api.createLocation(provider, "GM0200").getId(), "43",
                SecurityLevelDto.SEMI_SECURE, 5).specialisms(Set.of("LVB")).acceptedGenders(Set.of(GenderDto.MALE)));
        ContractDto contract = api.createContract(Api.contract(provider.getId(), "GM0200", Set.of("GM0200", "GM0301"),
                "43", LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1)));
        long referral = officer.post("/api/v1/referrals", Api.referral("JR-" + System.nanoTime())).body().get("id")
                .asLong();
        long placement = api.asPlanner().post("/api/v1/placements", "{\"referralId\": " + referral + ", \"offerId\": "
                + offer.getId() + ", \"contractId\": " + contract.getId() + "}").body().get("id").asLong();
        assertThat(api.asIntakeOf(provider).post("/api/v1/placements/" + placement + "/acceptance",
                "{\"version\": 0}").status()).isEqualTo(200);

        assertThat(currentActor.runAs(actors.probationOfficer(), () -> aftercare.find(placement))).isEmpty();

        assertThat(officer.put("/api/v1/placements/" + placement + "/aftercare-plan", """
                {"returnMunicipality": "GM0301", "tasks": [],
                 "partners": [{"kind": "POLICE", "organisationName": "Politie", "contactName": "Dirk Jansen"}]}
                """).status()).isEqualTo(200);
        long reads = reads(placement);
        assertThat(currentActor.runAs(actors.probationOfficer(), () -> aftercare.find(placement)))
                .hasValueSatisfying(plan -> assertThat(plan.getPartners()).singleElement()
                        .satisfies(partner -> assertThat(partner.getContactName()).isEqualTo("Dirk Jansen")));
        assertThat(reads(placement)).isEqualTo(reads + 1);

        assertThatThrownBy(() -> currentActor.runAs(actors.otherProbationOfficer(), () -> aftercare.find(placement)))
                .isInstanceOf(NotFoundException.class);
    }

    private long reads(long placement) {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'READ' "
                + "and resource_type = 'aftercare-plan' and resource_id = ?", Long.class, String.valueOf(placement));
    }
}
