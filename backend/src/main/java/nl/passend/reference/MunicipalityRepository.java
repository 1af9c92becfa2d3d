package nl.passend.reference;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.lang.Nullable;

interface MunicipalityRepository extends JpaRepository<Municipality, String> {

    @Query("""
            select m from Municipality m join fetch m.youthRegion r
            where (:youthRegion is null or r.code = :youthRegion)
              and (:province is null or m.province = :province)
            order by m.name""")
    List<Municipality> search(@Nullable String youthRegion, @Nullable String province);
}
