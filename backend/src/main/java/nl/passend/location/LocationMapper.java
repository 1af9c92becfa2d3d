package nl.passend.location;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.springframework.data.domain.Page;

import nl.passend.api.model.LocationDto;
import nl.passend.api.model.LocationPageDto;
import nl.passend.shared.Paging;

@Mapper
interface LocationMapper {

    @Mapping(target = "providerId", source = "provider.id")
    @Mapping(target = "municipalityCode", source = "municipality.code")
    @Mapping(target = "municipalityName", source = "municipality.name")
    @Mapping(target = "youthRegion", source = "municipality.youthRegion.code")
    LocationDto toDto(Location location);

    default LocationPageDto toPageDto(Page<Location> page) {
        return new LocationPageDto(page.map(this::toDto).getContent(), Paging.metadata(page));
    }
}
