package nl.passend.reference;

import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import nl.passend.api.model.CareTypeDto;
import nl.passend.api.model.MunicipalityDto;
import nl.passend.api.model.SecurityLevelInfoDto;
import nl.passend.api.model.SpecialismDto;
import nl.passend.api.model.YouthRegionDto;

@Mapper
interface ReferenceDataMapper {

    List<YouthRegionDto> toYouthRegionDtos(List<YouthRegion> regions);

    @Mapping(target = "youthRegion", source = "youthRegion.code")
    MunicipalityDto toDto(Municipality municipality);

    List<MunicipalityDto> toMunicipalityDtos(List<Municipality> municipalities);

    List<CareTypeDto> toCareTypeDtos(List<CareType> careTypes);

    List<SpecialismDto> toSpecialismDtos(List<Specialism> specialisms);

    List<SecurityLevelInfoDto> toSecurityLevelDtos(List<SecurityLevelDescription> levels);
}
