package nl.passend.user;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import nl.passend.api.UsersApi;
import nl.passend.api.model.CurrentUserDto;
import nl.passend.api.model.RoleDto;
import nl.passend.api.model.UserDto;
import nl.passend.api.model.UserInputDto;
import nl.passend.api.model.UserPageDto;

/**
 * User accounts in the REST contract ({@code UsersApi}): admins keep them (DESIGN.md, Security and privacy); everyone
 * signed in may ask who they are themselves.
 */
@RestController
class UserController implements UsersApi {

    private final UserAccountService users;

    UserController(UserAccountService users) {
        this.users = users;
    }

    @Override
    public ResponseEntity<CurrentUserDto> getCurrentUser() {
        return ResponseEntity.ok(users.me());
    }

    @Override
    public ResponseEntity<UserPageDto> listUsers(RoleDto role, Long organisationId, Integer page, Integer size,
            List<String> sort) {
        return ResponseEntity.ok(users.list(role, organisationId, page, size, sort));
    }

    @Override
    public ResponseEntity<UserDto> createUser(UserInputDto input) {
        UserDto created = users.create(input);
        URI location = UriComponentsBuilder.fromPath(PATH_GET_USER).buildAndExpand(created.getId()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @Override
    public ResponseEntity<UserDto> getUser(Long id) {
        return ResponseEntity.ok(users.get(id));
    }

    @Override
    public ResponseEntity<UserDto> updateUser(Long id, UserInputDto input) {
        return ResponseEntity.ok(users.update(id, input));
    }
}
