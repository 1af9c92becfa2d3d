package nl.passend.contract;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.springframework.data.domain.Page;

import nl.passend.api.model.MandateDto;
import nl.passend.api.model.MandatePageDto;
import nl.passend.api.model.MandateStatusDto;
import nl.passend.reference.CareType;
import nl.passend.shared.Paging;
import nl.passend.shared.TimeMapping;

/** Maps mandates; a revoked one shows when it was revoked. */
@Mapper(uses = TimeMapping.class, imports = MandateStatusDto.class)
interface MandateMapper {

    @Mapping(target = "grantingMunicipality", source = "grantingMunicipality.code")
    @Mapping(target = "leadMunicipality", source = "leadMunicipality.code")
    @Mapping(target = "status", expression = "java(mandate.isRevoked() ? MandateStatusDto.REVOKED : MandateStatusDto.ACTIVE)")
    MandateDto toDto(Mandate mandate);

    default MandatePageDto toPageDto(Page<Mandate> page) {
        return new MandatePageDto(page.map(this::toDto).getContent(), Paging.metadata(page));
    }

    default Set<String> careTypeCodes(Set<CareType> careTypes) {
        return careTypes.stream().map(CareType::getCode).collect(Collectors.toCollection(TreeSet::new));
    }
}
