package nl.passend.reference;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.api.model.CareTypeDto;
import nl.passend.api.model.MunicipalityDto;
import nl.passend.api.model.SecurityLevelInfoDto;
import nl.passend.api.model.SpecialismDto;
import nl.passend.api.model.YouthRegionDto;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.NotFoundException;

/** Reads reference data, and resolves the codes that requests name, refusing unknown ones by field. */
@Service
@Transactional(readOnly = true)
public class ReferenceDataService {

    private final YouthRegionRepository youthRegions;
    private final MunicipalityRepository municipalities;
    private final CareTypeRepository careTypes;
    private final SpecialismRepository specialisms;
    private final SecurityLevelDescriptionRepository securityLevels;
    private final ReferenceDataMapper mapper;

    ReferenceDataService(YouthRegionRepository youthRegions, MunicipalityRepository municipalities,
            CareTypeRepository careTypes, SpecialismRepository specialisms,
            SecurityLevelDescriptionRepository securityLevels, ReferenceDataMapper mapper) {
        this.youthRegions = youthRegions;
        this.municipalities = municipalities;
        this.careTypes = careTypes;
        this.specialisms = specialisms;
        this.securityLevels = securityLevels;
        this.mapper = mapper;
    }

    List<YouthRegionDto> listYouthRegions() {
        return mapper.toYouthRegionDtos(youthRegions.findAll(Sort.by("name")));
    }

    List<MunicipalityDto> listMunicipalities(@Nullable String youthRegion, @Nullable String province) {
        if (youthRegion != null) {
            requireYouthRegion("youthRegion", youthRegion);
        }
        return mapper.toMunicipalityDtos(municipalities.search(youthRegion, province));
    }

    MunicipalityDto getMunicipality(String code) {
        return mapper.toDto(municipalities.findById(code).orElseThrow(() -> new NotFoundException("municipality", code)));
    }

    List<CareTypeDto> listCareTypes() {
        return mapper.toCareTypeDtos(careTypes.findAll(Sort.by("code")));
    }

    List<SpecialismDto> listSpecialisms() {
        return mapper.toSpecialismDtos(specialisms.findAll(Sort.by("code")));
    }

    List<SecurityLevelInfoDto> listSecurityLevels() {
        return mapper.toSecurityLevelDtos(securityLevels.findAll(Sort.by("level")));
    }

    /**
     * Locks every youth region until the transaction ends, in code order: whoever needs the regions to stay as they
     * are, such as a check that no other matching run covers one, waits for the others.
     */
    public List<YouthRegion> lockYouthRegions() {
        return youthRegions.findAllForUpdate();
    }

    /** Every municipality's name by its CBS code, in the order of the names (as lists to choose from show them). */
    public Map<String, String> municipalityNames() {
        return municipalities.findAll(Sort.by("name")).stream().collect(Collectors.toMap(Municipality::getCode,
                Municipality::getName, (a, b) -> a, LinkedHashMap::new));
    }

    /** Every youth region's name by its code, in the order of the names. */
    public Map<String, String> youthRegionNames() {
        return youthRegions.findAll(Sort.by("name")).stream().collect(Collectors.toMap(YouthRegion::getCode,
                YouthRegion::getName, (a, b) -> a, LinkedHashMap::new));
    }

    /** Every care type's name by its code, in the order of the codes. */
    public Map<String, String> careTypeNames() {
        return careTypes.findAll(Sort.by("code")).stream().collect(Collectors.toMap(CareType::getCode,
                CareType::getName, (a, b) -> a, LinkedHashMap::new));
    }

    /** The youth region a request names in {@code field}. */
    public YouthRegion requireYouthRegion(String field, String code) {
        return youthRegions.findById(code).orElseThrow(() -> InvalidRequestException.unknown(field, "youth region", code));
    }

    /** The municipality a request names in {@code field}. */
    public Municipality requireMunicipality(String field, String code) {
        return municipalities.findById(code).orElseThrow(() -> InvalidRequestException.unknown(field, "municipality", code));
    }

    /** The municipalities a request names in {@code field}, in the order given. */
    public Set<Municipality> requireMunicipalities(String field, Collection<String> codes) {
        Set<Municipality> found = new LinkedHashSet<>();
        for (String code : codes) {
            found.add(requireMunicipality(field, code));
        }
        return found;
    }

    /** The care type a request names in {@code field}. */
    public CareType requireCareType(String field, String code) {
        return careTypes.findById(code).orElseThrow(() -> InvalidRequestException.unknown(field, "care type", code));
    }

    /** The specialisms a request names in {@code field}. */
    public Set<Specialism> requireSpecialisms(String field, Collection<String> codes) {
        Set<Specialism> found = new LinkedHashSet<>();
        for (String code : codes) {
            found.add(specialisms.findById(code)
                    .orElseThrow(() -> InvalidRequestException.unknown(field, "specialism", code)));
        }
        return found;
    }
}
