package nl.passend.user;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.passend.organisation.Organisation;
import nl.passend.organisation.OrganisationMembers;
import nl.passend.organisation.OrganisationType;
import nl.passend.security.Role;
import nl.passend.shared.ConflictException;
import nl.passend.shared.Refusal;

/** Keeps an organisation's edits from stranding its users: their roles must still fit, an administrator must remain. */
@Component
class OrganisationUsers implements OrganisationMembers {

    private final UserAccountRepository users;

    OrganisationUsers(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    public void checkChange(Organisation organisation, OrganisationType newType, boolean newActive) {
        long id = organisation.getId();
        if (newType != organisation.getType()) {
            // A purchaser of a municipality turned POLICE would keep signing in, with no municipality to act for.
            List<Role> stranded = users.rolesIn(id).stream()
                    .filter(role -> !UserAccountService.ORGANISATIONS.get(role).contains(newType)).sorted().toList();
            if (!stranded.isEmpty()) {
                throw new ConflictException(Refusal.of("refusal.organisation.strandedRoles", id, stranded, newType,
                        organisation.getType()));
            }
        }
        if (organisation.isActive() && !newActive && users.countActiveIn(Role.ADMIN, id) > 0) {
            users.lockActive(Role.ADMIN);
            if (users.countActiveOutside(Role.ADMIN, id) == 0) {
                throw new ConflictException(Refusal.of("refusal.organisation.lastAdministrators", id));
            }
        }
    }
}
