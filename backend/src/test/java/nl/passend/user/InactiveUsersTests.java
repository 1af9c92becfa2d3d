package nl.passend.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.passend.api.model.OrganisationDto;
import nl.passend.api.model.OrganisationTypeDto;
import nl.passend.api.model.UserDto;
import nl.passend.organisation.OrganisationService;
import nl.passend.support.Api;
import nl.passend.support.IntegrationTest;

/**
 * What the administrator's pages add to the services: the accounts that cannot sign in
 * ({@link UserAccountService#inactive}), deactivated themselves or with their organisation, and the organisations'
 * names for the forms' choices ({@link OrganisationService#names}), every one of them.
 */
@IntegrationTest
class InactiveUsersTests {

    @Autowired
    Api api;
    @Autowired
    UserAccountService users;
    @Autowired
    OrganisationService organisations;

    @Test
    void listsTheAccountsThatCannotSignInAndNoOther() {
        Api admin = api.asAdmin();
        OrganisationDto region = api.createOrganisation(OrganisationTypeDto.REGIONAL_PURCHASING);
        OrganisationDto closing = api.createOrganisation(OrganisationTypeDto.REGIONAL_PURCHASING);
        String active = user(admin, "active", region.getId(), true);
        String deactivated = user(admin, "deactivated", region.getId(), false);
        String ofAClosedOrganisation = user(admin, "closed-org", closing.getId(), true);
        assertThat(admin.put("/api/v1/organisations/" + closing.getId(), Map.of("name", closing.getName(),
                "type", "REGIONAL_PURCHASING", "active", false, "version", closing.getVersion())).status())
                .isEqualTo(200);

        var inactive = users.inactive(0, 1000).getContent().stream().map(UserDto::getUsername).toList();

        assertThat(inactive).contains(deactivated, ofAClosedOrganisation).doesNotContain(active, "admin");
        assertThat(inactive).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void namesEveryOrganisationByItsId() {
        OrganisationDto made = api.createOrganisation(OrganisationTypeDto.POLICE);

        Map<Long, String> names = organisations.names();

        assertThat(names).containsEntry(made.getId(), made.getName())
                .hasSize(api.asAdmin().get("/api/v1/organisations?size=1").body().path("page").path("totalElements")
                        .asInt());
    }

    private static String user(Api admin, String prefix, long organisationId, boolean active) {
        String username = prefix + "." + System.nanoTime();
        Api.Response created = admin.post("/api/v1/users", Map.of("username", username, "displayName", "Test",
                "password", "een-lang-wachtwoord", "role", "PLANNER", "organisationId", organisationId,
                "active", active));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return username;
    }
}
