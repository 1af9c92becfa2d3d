package nl.passend.organisation;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.lang.Nullable;

interface OrganisationRepository extends JpaRepository<Organisation, Long>, JpaSpecificationExecutor<Organisation> {

    /**
     * Organisations of the type, in the municipality, with {@code name} in their name in any case, active or not as
     * asked; {@code null} means any.
     */
    default Page<Organisation> search(@Nullable OrganisationType type, @Nullable String municipality,
            @Nullable String name, @Nullable Boolean active, Pageable pageable) {
        return findAll(Specification.allOf(
                type == null ? null : (root, query, cb) -> cb.equal(root.get(Organisation_.type), type),
                municipality == null ? null : (root, query, cb) -> cb.equal(
                        root.get(Organisation_.municipality).get("code"), municipality),
                name == null ? null : (root, query, cb) -> cb.like(cb.lower(root.get(Organisation_.name)),
                        "%" + name.toLowerCase() + "%"),
                active == null ? null : (root, query, cb) -> cb.equal(root.get(Organisation_.active), active)),
                pageable);
    }

    boolean existsByNameIgnoreCaseAndIdNot(String name, long id);

    boolean existsByMunicipalityCodeAndIdNot(String municipalityCode, long id);
}
