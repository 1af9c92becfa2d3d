package nl.passend.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.passend.security.Role;
import nl.passend.shared.Paging;
import nl.passend.support.PersistenceTest;
import nl.passend.support.Rows;

@PersistenceTest
class UserAccountRepositoryTests {

    @Autowired
    UserAccountRepository users;

    @Autowired
    Rows rows;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsUsersByRoleAndOrganisationSortedByTheKeysTheListOffers() {
        long probation = rows.organisation("Jeugdreclassering Apeldoorn", "YOUTH_PROBATION");
        long provider = rows.organisation("Zorggroep Noord", "CARE_PROVIDER");
        long otherProbation = rows.organisation("Jeugdreclassering Zutphen", "YOUTH_PROBATION");
        long bram = user("bram", Role.PROBATION_OFFICER, probation);
        long anna = user("anna", Role.PROBATION_OFFICER, probation);
        long intake = user("intake", Role.PROVIDER_INTAKE, provider);
        long carla = user("carla", Role.PROBATION_OFFICER, otherProbation);

        assertThat(search(Role.PROBATION_OFFICER, null, "username")).containsExactly(anna, bram, carla);
        assertThat(search(null, probation, "username,desc")).containsExactly(bram, anna);
        assertThat(search(Role.PROBATION_OFFICER, otherProbation, "id")).containsExactly(carla);
        assertThat(search(Role.PROVIDER_INTAKE, probation, "id")).isEmpty();
        assertThat(search(null, null, "role")).as("by role, then by id").containsExactly(bram, anna, carla, intake);

        Page<UserAccount> second = users.search(null, null,
                Paging.pageable(1, 3, List.of("username"), UserAccountService.SORTABLE));
        assertThat(second.map(UserAccount::getId)).containsExactly(intake);
        assertThat(second.getTotalElements()).isEqualTo(4);
    }

    private List<Long> search(Role role, Long organisation, String sort) {
        return users.search(role, organisation, Paging.pageable(0, 10, List.of(sort), UserAccountService.SORTABLE))
                .map(UserAccount::getId).getContent();
    }

    private long user(String username, Role role, long organisation) {
        jdbc.sql("""
                insert into user_account (username, display_name, password_hash, role, organisation_id)
                values (?, ?, 'not a hash', ?, ?)""").params(username, username, role.name(), organisation).update();
        return jdbc.sql("select id from user_account where username = ?").param(username).query(Long.class).single();
    }
}
