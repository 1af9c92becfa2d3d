package nl.passend.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.passend.support.PersistenceTest;

/** The names that pages show beside the codes the services answer with: every youth region's and care type's. */
@PersistenceTest
class ReferenceDataNamesTests {

    @Autowired
    YouthRegionRepository youthRegions;
    @Autowired
    MunicipalityRepository municipalities;
    @Autowired
    CareTypeRepository careTypes;
    @Autowired
    SpecialismRepository specialisms;
    @Autowired
    SecurityLevelDescriptionRepository securityLevels;

    @Test
    void namesEveryYouthRegionInTheOrderOfItsNameAndEveryCareTypeInTheOrderOfItsCode() {
        ReferenceDataService referenceData = new ReferenceDataService(youthRegions, municipalities, careTypes,
                specialisms, securityLevels, mock(ReferenceDataMapper.class));

        assertThat(referenceData.youthRegionNames()).hasSize(9)
                .containsEntry("ACHTERHOEK", "Achterhoek")
                .containsEntry("MIDDEN_IJSSEL_OOST_VELUWE", "Midden-IJssel/Oost-Veluwe");
        assertThat(List.copyOf(referenceData.youthRegionNames().values())).isSorted();
        assertThat(referenceData.careTypeNames()).containsEntry("43", "Jeugdhulp verblijf (incl. behandeling)")
                .containsEntry("46", "Jeugdhulp crisis");
        assertThat(List.copyOf(referenceData.careTypeNames().keySet())).isSorted().hasSize(16);
    }
}
