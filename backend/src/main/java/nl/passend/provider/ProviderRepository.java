package nl.passend.provider;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.lang.Nullable;

import jakarta.persistence.LockModeType;

interface ProviderRepository extends JpaRepository<Provider, Long>, JpaSpecificationExecutor<Provider> {

    /** Providers whose name contains {@code name} in any case, active or not as asked; {@code null} means any. */
    default Page<Provider> search(@Nullable String name, @Nullable Boolean active, Pageable pageable) {
        return findAll(Specification.allOf(
                name == null ? null : (root, query, cb) -> cb.like(
                        cb.lower(root.get(Provider_.organisation).get("name")), "%" + name.toLowerCase() + "%"),
                active == null ? null : (root, query, cb) -> cb.equal(root.get(Provider_.active), active)), pageable);
    }

    boolean existsByOrganisation_IdAndIdNot(long organisationId, long id);

    boolean existsByAgbCodeAndIdNot(String agbCode, long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Provider p where p.id = :id")
    Optional<Provider> findByIdForUpdate(long id);
}
