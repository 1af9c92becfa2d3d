package nl.passend.user;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.lang.Nullable;

import nl.passend.security.Role;

interface UserAccountRepository extends JpaRepository<UserAccount, Long>, JpaSpecificationExecutor<UserAccount> {

    /** Users in the role who work for the organisation; {@code null} means any. */
    default Page<UserAccount> search(@Nullable Role role, @Nullable Long organisationId, Pageable pageable) {
        return findAll(Specification.allOf(
                role == null ? null : (root, query, cb) -> cb.equal(root.get(UserAccount_.role), role),
                organisationId == null ? null : (root, query, cb) ->
                        cb.equal(root.get(UserAccount_.organisation).get("id"), organisationId)),
                pageable);
    }

    @EntityGraph(attributePaths = "organisation")
    Optional<UserAccount> findByUsernameIgnoreCase(String username);

    boolean existsByUsernameIgnoreCaseAndIdNot(String username, long id);

    boolean existsByDemoTrue();
}
