package nl.passend.user;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.lang.Nullable;

import jakarta.persistence.LockModeType;

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

    /** The accounts that cannot sign in: deactivated, or of an organisation that was. */
    @Query("select u from UserAccount u where u.active = false or u.organisation.active = false")
    Page<UserAccount> findInactive(Pageable pageable);

    boolean existsByUsernameIgnoreCaseAndIdNot(String username, long id);

    boolean existsByDemoTrue();

    /**
     * Locks the accounts in the role that are active, for the rest of the transaction: the edits that could leave the
     * region without an administrator take this lock first, so that two of them never both see the other's admin.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.role = :role and u.active = true order by u.id")
    List<UserAccount> lockActive(@Param("role") Role role);

    /** Active accounts in the role, of active organisations, other than this one. */
    @Query("select count(u) from UserAccount u where u.role = :role and u.active = true and u.organisation.active = true"
            + " and u.id <> :id")
    long countActiveOtherThan(@Param("role") Role role, @Param("id") long id);

    /** Active accounts in the role in this organisation. */
    @Query("select count(u) from UserAccount u where u.role = :role and u.active = true"
            + " and u.organisation.id = :organisation")
    long countActiveIn(@Param("role") Role role, @Param("organisation") long organisation);

    /** Active accounts in the role, of active organisations other than this one. */
    @Query("select count(u) from UserAccount u where u.role = :role and u.active = true and u.organisation.active = true"
            + " and u.organisation.id <> :organisation")
    long countActiveOutside(@Param("role") Role role, @Param("organisation") long organisation);

    /** The roles the users of the organisation hold, active or not. */
    @Query("select distinct u.role from UserAccount u where u.organisation.id = :organisation")
    List<Role> rolesIn(@Param("organisation") long organisation);
}
