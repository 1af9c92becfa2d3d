package nl.passend.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.passend.api.model.OrganisationDto;
import nl.passend.api.model.OrganisationInputDto;
import nl.passend.api.model.OrganisationTypeDto;
import nl.passend.api.model.RoleDto;
import nl.passend.api.model.UserDto;
import nl.passend.api.model.UserInputDto;
import nl.passend.support.Api;
import nl.passend.support.FreshDatabase;
import nl.passend.support.IntegrationTest;

/**
 * Administration that cannot lock itself out: the last active administrator stays one, and an organisation keeps a
 * type its users' roles can work for. On a database of its own, since "the last administrator" counts every account.
 */
@IntegrationTest
@FreshDatabase
class UserAdministrationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void signIn() {
        api = api.asAdmin();
    }

    @Test
    void keepsTheLastActiveAdministrator() {
        OrganisationDto region = api.createOrganisation(OrganisationTypeDto.REGIONAL_PURCHASING);
        UserDto first = createUser(RoleDto.ADMIN, region.getId());
        UserDto second = createUser(RoleDto.ADMIN, region.getId());

        // Two administrators: either may go, once.
        Api.Response demoted = api.put("/api/v1/users/" + first.getId(), input(first, RoleDto.PLANNER, true));
        assertThat(demoted.status()).isEqualTo(200);

        long events = auditEvents();
        Api.Response demoteLast = api.put("/api/v1/users/" + second.getId(), input(second, RoleDto.PLANNER, true));
        assertThat(demoteLast.status()).isEqualTo(409);
        assertThat(demoteLast.contentType()).isEqualTo("application/problem+json");
        assertThat(demoteLast.body().get("detail").asText()).contains("last active administrator");
        Api.Response deactivateLast = api.put("/api/v1/users/" + second.getId(), input(second, RoleDto.ADMIN, false));
        assertThat(deactivateLast.status()).isEqualTo(409);
        Api.Response deactivateItsOrganisation = api.put("/api/v1/organisations/" + region.getId(),
                new OrganisationInputDto(region.getName(), region.getType()).active(false).version(region.getVersion()));
        assertThat(deactivateItsOrganisation.status()).isEqualTo(409);
        assertThat(deactivateItsOrganisation.body().get("detail").asText()).contains("last active administrator");

        // Nothing changed, and no event claims it did.
        UserDto unchanged = api.read(api.get("/api/v1/users/" + second.getId()), UserDto.class);
        assertThat(unchanged.getRole()).isEqualTo(RoleDto.ADMIN);
        assertThat(unchanged.getActive()).isTrue();
        assertThat(unchanged.getVersion()).isEqualTo(second.getVersion());
        assertThat(auditEvents()).isEqualTo(events);

        // With another administrator in place, the same edits go through.
        api.put("/api/v1/users/" + first.getId(), input(
                api.read(api.get("/api/v1/users/" + first.getId()), UserDto.class), RoleDto.ADMIN, true));
        assertThat(api.put("/api/v1/users/" + second.getId(), input(second, RoleDto.ADMIN, false)).status())
                .isEqualTo(200);
    }

    @Test
    void keepsAnOrganisationsTypeWhileItsUsersNeedIt() {
        Api.Response municipality = api.post("/api/v1/organisations",
                new OrganisationInputDto(Api.unique("Gemeente Hattem"), OrganisationTypeDto.MUNICIPALITY)
                        .municipalityCode("GM0244"));
        OrganisationDto hattem = api.read(municipality, OrganisationDto.class);
        createUser(RoleDto.PURCHASER, hattem.getId());

        Api.Response police = api.put("/api/v1/organisations/" + hattem.getId(),
                new OrganisationInputDto(hattem.getName(), OrganisationTypeDto.POLICE).version(hattem.getVersion()));
        assertThat(police.status()).isEqualTo(409);
        assertThat(police.contentType()).isEqualTo("application/problem+json");
        assertThat(police.body().get("detail").asText()).contains("PURCHASER").contains("POLICE");
        OrganisationDto unchanged = api.read(api.get("/api/v1/organisations/" + hattem.getId()), OrganisationDto.class);
        assertThat(unchanged.getType()).isEqualTo(OrganisationTypeDto.MUNICIPALITY);
        assertThat(unchanged.getMunicipalityCode()).isEqualTo("GM0244");

        // A type that every role of its users can work for is fine: officers of youth probation move to the Board.
        OrganisationDto office = api.createOrganisation(OrganisationTypeDto.YOUTH_PROBATION);
        createUser(RoleDto.PROBATION_OFFICER, office.getId());
        Api.Response board = api.put("/api/v1/organisations/" + office.getId(),
                new OrganisationInputDto(office.getName(), OrganisationTypeDto.CHILD_PROTECTION_BOARD)
                        .version(office.getVersion()));
        assertThat(board.status()).isEqualTo(200);
    }

    private long auditEvents() {
        return jdbc.queryForObject("select count(*) from audit_event", Long.class);
    }

    private UserDto createUser(RoleDto role, long organisation) {
        Api.Response created = api.post("/api/v1/users", new UserInputDto(Api.unique("user").replace(' ', '.'),
                "Someone", role, organisation).password("correct horse battery"));
        assertThat(created.status()).isEqualTo(201);
        return api.read(created, UserDto.class);
    }

    private static UserInputDto input(UserDto user, RoleDto role, boolean active) {
        return new UserInputDto(user.getUsername(), user.getDisplayName(), role, user.getOrganisationId())
                .active(active).version(user.getVersion());
    }
}
