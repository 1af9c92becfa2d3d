package nl.passend.provider;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.springframework.data.domain.Page;

import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.ProviderPageDto;
import nl.passend.shared.Paging;

@Mapper
interface ProviderMapper {

    @Mapping(target = "organisationId", source = "organisation.id")
    ProviderDto toDto(Provider provider);

    default ProviderPageDto toPageDto(Page<Provider> page) {
        return new ProviderPageDto(page.map(this::toDto).getContent(), Paging.metadata(page));
    }
}
