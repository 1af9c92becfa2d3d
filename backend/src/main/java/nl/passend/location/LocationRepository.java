package nl.passend.location;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.lang.Nullable;

import nl.passend.reference.Municipality_;
import nl.passend.reference.YouthRegion_;

interface LocationRepository extends JpaRepository<Location, Long>, JpaSpecificationExecutor<Location> {

    /**
     * Locations of the provider, in the municipality, in the youth region (of their municipality), active or not as
     * asked; {@code null} means any.
     */
    default Page<Location> search(@Nullable Long providerId, @Nullable String municipality,
            @Nullable String youthRegion, @Nullable Boolean active, Pageable pageable) {
        return findAll(Specification.allOf(
                providerId == null ? null : (root, query, cb) ->
                        cb.equal(root.get(Location_.provider).get("id"), providerId),
                municipality == null ? null : (root, query, cb) -> cb.equal(
                        root.get(Location_.municipality).get(Municipality_.code), municipality),
                youthRegion == null ? null : (root, query, cb) -> cb.equal(root.get(Location_.municipality)
                        .get(Municipality_.youthRegion).get(YouthRegion_.code), youthRegion),
                active == null ? null : (root, query, cb) -> cb.equal(root.get(Location_.active), active)),
                pageable);
    }
}
