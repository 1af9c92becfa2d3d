package nl.passend.reference;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import nl.passend.api.ReferenceDataApi;
import nl.passend.api.model.CareTypeDto;
import nl.passend.api.model.MunicipalityDto;
import nl.passend.api.model.SecurityLevelInfoDto;
import nl.passend.api.model.SpecialismDto;
import nl.passend.api.model.YouthRegionDto;

@RestController
class ReferenceDataController implements ReferenceDataApi {

    private final ReferenceDataService referenceData;

    ReferenceDataController(ReferenceDataService referenceData) {
        this.referenceData = referenceData;
    }

    @Override
    public ResponseEntity<List<YouthRegionDto>> listYouthRegions() {
        return ResponseEntity.ok(referenceData.listYouthRegions());
    }

    @Override
    public ResponseEntity<List<MunicipalityDto>> listMunicipalities(String youthRegion, String province) {
        return ResponseEntity.ok(referenceData.listMunicipalities(youthRegion, province));
    }

    @Override
    public ResponseEntity<MunicipalityDto> getMunicipality(String code) {
        return ResponseEntity.ok(referenceData.getMunicipality(code));
    }

    @Override
    public ResponseEntity<List<CareTypeDto>> listCareTypes() {
        return ResponseEntity.ok(referenceData.listCareTypes());
    }

    @Override
    public ResponseEntity<List<SpecialismDto>> listSpecialisms() {
        return ResponseEntity.ok(referenceData.listSpecialisms());
    }

    @Override
    public ResponseEntity<List<SecurityLevelInfoDto>> listSecurityLevels() {
        return ResponseEntity.ok(referenceData.listSecurityLevels());
    }
}
