package nl.passend.user;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.api.model.CurrentUserDto;
import nl.passend.api.model.RoleDto;
import nl.passend.api.model.UserDto;
import nl.passend.api.model.UserInputDto;
import nl.passend.api.model.UserPageDto;
import nl.passend.audit.RegistryEdits;
import nl.passend.organisation.Organisation;
import nl.passend.organisation.OrganisationService;
import nl.passend.organisation.OrganisationType;
import nl.passend.security.Actor;
import nl.passend.security.ActorUserDetails;
import nl.passend.security.CurrentActor;
import nl.passend.security.Role;
import nl.passend.shared.ConflictException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Paging;
import nl.passend.shared.Refusal;

/** Keeps user accounts, and finds them for HTTP Basic sign-in. */
@Service
@Transactional
class UserAccountService implements UserDetailsService {

    /** The sort keys of the list, and the property each sorts by. */
    static final Map<String, String> SORTABLE = Map.of("id", "id", "username", "username", "role", "role");

    /**
     * Which kinds of organisation each role can work for, after the users DESIGN.md names: probation officers of
     * youth probation, the Child Protection Board and the public prosecutor; municipal purchasers; regional planners.
     */
    static final Map<Role, Set<OrganisationType>> ORGANISATIONS = Map.of(
            Role.PROBATION_OFFICER, EnumSet.of(OrganisationType.YOUTH_PROBATION,
                    OrganisationType.CHILD_PROTECTION_BOARD, OrganisationType.PUBLIC_PROSECUTOR),
            Role.PROVIDER_INTAKE, EnumSet.of(OrganisationType.CARE_PROVIDER),
            Role.PURCHASER, EnumSet.of(OrganisationType.MUNICIPALITY),
            Role.PLANNER, EnumSet.of(OrganisationType.REGIONAL_PURCHASING, OrganisationType.MUNICIPALITY),
            Role.ADMIN, EnumSet.allOf(OrganisationType.class));

    /**
     * BCrypt reads at most 72 bytes of a password, and Spring Security's encoder throws on a longer one: checked first,
     * so that the client gets a 400 naming the field.
     */
    private static final int MOST_PASSWORD_BYTES = 72;

    private final UserAccountRepository users;
    private final OrganisationService organisations;
    private final PasswordEncoder passwords;
    private final CurrentActor currentActor;
    private final RegistryEdits edits;
    private final UserMapper mapper;
    private final JdbcClient jdbc;

    UserAccountService(UserAccountRepository users, OrganisationService organisations, PasswordEncoder passwords,
            CurrentActor currentActor, RegistryEdits edits, UserMapper mapper, JdbcClient jdbc) {
        this.users = users;
        this.organisations = organisations;
        this.passwords = passwords;
        this.currentActor = currentActor;
        this.edits = edits;
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    /**
     * The account as every request signed in with a password reads it: one plain query, without JPA and without a
     * transaction of its own, which together cost most of sign-in once BCrypt no longer ran on every request
     * (security.PasswordSignIn).
     */
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("""
                select u.username, u.role, u.organisation_id, u.password_hash, u.active, o.active
                from user_account u join organisation o on o.id = u.organisation_id
                where lower(u.username) = lower(?)""").param(username)
                .query((row, n) -> new ActorUserDetails(new Actor(row.getString(1), Role.valueOf(row.getString(2)),
                        row.getLong(3)), row.getString(4), row.getBoolean(5) && row.getBoolean(6)))
                .optional()
                // Spring Security answers this as a wrong password, so sign-in never tells which usernames exist.
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    @Transactional(readOnly = true)
    CurrentUserDto me() {
        Actor actor = currentActor.get();
        return new CurrentUserDto(actor.username(), RoleDto.valueOf(actor.role().name()), actor.organisationId())
                // With a bearer token the organisation comes from the token's claims and need not be registered here.
                .organisationName(organisations.nameOf(actor.organisationId()).orElse(null));
    }

    @Transactional(readOnly = true)
    UserPageDto list(@Nullable RoleDto role, @Nullable Long organisationId, int page, int size, List<String> sort) {
        return mapper.toPageDto(users.search(role == null ? null : Role.valueOf(role.name()), organisationId,
                Paging.pageable(page, size, sort, SORTABLE)));
    }

    /** The accounts that cannot sign in, deactivated themselves or with their organisation, by username. */
    @Transactional(readOnly = true)
    UserPageDto inactive(int page, int size) {
        return mapper.toPageDto(users.findInactive(Paging.pageable(page, size, List.of("username", "asc"), SORTABLE)));
    }

    @Transactional(readOnly = true)
    UserDto get(long id) {
        return mapper.toDto(find(id));
    }

    UserDto create(UserInputDto input) {
        if (input.getPassword() == null) {
            throw new InvalidRequestException("password", Refusal.of("refusal.field.passwordForNewUser"));
        }
        UserAccount user = new UserAccount();
        apply(input, user);
        return edits.create(users, "user", user, mapper::toDto);
    }

    UserDto update(long id, UserInputDto input) {
        return edits.update(users, "user", find(id), input.getVersion(), user -> {
            boolean wasActiveAdmin = isActiveAdmin(user);
            if (wasActiveAdmin) {
                users.lockActive(Role.ADMIN);
            }
            apply(input, user);
            // Nobody could keep the users, organisations and audit trail any more, nor undo this through the API.
            if (wasActiveAdmin && !isActiveAdmin(user) && users.countActiveOtherThan(Role.ADMIN, user.getId()) == 0) {
                throw new ConflictException(Refusal.of("refusal.user.lastAdministrator", user.getUsername()));
            }
        }, mapper::toDto);
    }

    private static boolean isActiveAdmin(UserAccount user) {
        return user.getRole() == Role.ADMIN && user.isActive() && user.getOrganisation().isActive();
    }

    private UserAccount find(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    private void apply(UserInputDto input, UserAccount user) {
        String username = input.getUsername().strip();
        Role role = Role.valueOf(input.getRole().name());
        Organisation organisation = organisations.require("organisationId", input.getOrganisationId());
        if (!ORGANISATIONS.get(role).contains(organisation.getType())) {
            throw new InvalidRequestException("role", Refusal.of("refusal.field.roleOrganisation", role,
                    organisation.getType(), ORGANISATIONS.get(role)));
        }
        if (input.getPassword() != null
                && input.getPassword().getBytes(StandardCharsets.UTF_8).length > MOST_PASSWORD_BYTES) {
            throw new InvalidRequestException("password",
                    Refusal.of("refusal.field.passwordBytes", MOST_PASSWORD_BYTES));
        }
        long self = user.getId() == null ? 0 : user.getId();
        // Checked here to name the clash; the unique key still refuses a concurrent twin, as a plainer 409.
        if (users.existsByUsernameIgnoreCaseAndIdNot(username, self)) {
            throw new ConflictException(Refusal.of("refusal.user.usernameTaken", username));
        }
        user.setUsername(username);
        user.setDisplayName(input.getDisplayName().strip());
        user.setRole(role);
        user.setOrganisation(organisation);
        user.setActive(!Boolean.FALSE.equals(input.getActive()));
        if (input.getPassword() != null) {
            user.setPasswordHash(passwords.encode(input.getPassword()));
        }
    }
}
