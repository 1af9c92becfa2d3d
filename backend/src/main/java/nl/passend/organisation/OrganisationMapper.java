package nl.passend.organisation;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.springframework.data.domain.Page;

import nl.passend.api.model.OrganisationDto;
import nl.passend.api.model.OrganisationPageDto;
import nl.passend.shared.Paging;

@Mapper
interface OrganisationMapper {

    @Mapping(target = "municipalityCode", source = "municipality.code")
    OrganisationDto toDto(Organisation organisation);

    default OrganisationPageDto toPageDto(Page<Organisation> page) {
        return new OrganisationPageDto(page.map(this::toDto).getContent(), Paging.metadata(page));
    }
}
