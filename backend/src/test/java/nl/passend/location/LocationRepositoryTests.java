package nl.passend.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.passend.shared.Paging;
import nl.passend.support.PersistenceTest;
import nl.passend.support.Rows;

@PersistenceTest
class LocationRepositoryTests {

    @Autowired
    LocationRepository locations;

    @Autowired
    Rows rows;

    /** Apeldoorn and Zutphen lie in Midden-IJssel/Oost-Veluwe, Doetinchem in the Achterhoek. */
    @Test
    void findsLocationsByProviderMunicipalityYouthRegionAndWhetherTheyAreActive() {
        long north = rows.provider("Zorggroep Noord");
        long south = rows.provider("Zorggroep Zuid");
        long zutphen = rows.location(north, "GM0301");
        long apeldoorn = rows.location(north, "GM0200");
        long doetinchem = rows.location(south, "GM0222");
        long closed = rows.location(south, "GM0200");
        rows.set("location", closed, Map.of("active", false));

        assertThat(search(north, null, null, null, "id")).containsExactly(zutphen, apeldoorn);
        assertThat(search(null, "GM0200", null, null, "id")).containsExactly(apeldoorn, closed);
        assertThat(search(null, null, "MIDDEN_IJSSEL_OOST_VELUWE", null, "id"))
                .containsExactly(zutphen, apeldoorn, closed);
        assertThat(search(south, null, "MIDDEN_IJSSEL_OOST_VELUWE", true, "id")).isEmpty();
        assertThat(search(null, null, null, false, "id")).containsExactly(closed);
        assertThat(search(null, null, "ACHTERHOEK", true, "id")).containsExactly(doetinchem);
        assertThat(search(null, null, null, null, "municipality,desc")).as("by the municipality's name")
                .containsExactly(zutphen, doetinchem, apeldoorn, closed);
    }

    private List<Long> search(Long provider, String municipality, String youthRegion, Boolean active, String sort) {
        return locations.search(provider, municipality, youthRegion, active,
                Paging.pageable(0, 10, List.of(sort), LocationService.SORTABLE)).map(Location::getId).getContent();
    }
}
