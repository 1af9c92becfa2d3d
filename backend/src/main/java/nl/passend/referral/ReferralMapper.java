package nl.passend.referral;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.springframework.data.domain.Page;

import nl.passend.api.model.ReferralDto;
import nl.passend.api.model.ReferralPageDto;
import nl.passend.api.model.ReferralStatusChangeDto;
import nl.passend.api.model.YouthDto;
import nl.passend.reference.Municipality;
import nl.passend.reference.Specialism;
import nl.passend.shared.Paging;
import nl.passend.shared.TimeMapping;

@Mapper(uses = TimeMapping.class)
interface ReferralMapper {

    @Mapping(target = "careType", source = "careType.code")
    ReferralDto toDto(Referral referral);

    @Mapping(target = "homeMunicipality", source = "homeMunicipality.code")
    YouthDto toDto(Youth youth);

    List<ReferralStatusChangeDto> toHistoryDtos(List<ReferralStatusChange> history);

    default ReferralPageDto toPageDto(Page<Referral> page) {
        return new ReferralPageDto(page.map(this::toDto).getContent(), Paging.metadata(page));
    }

    default Set<String> specialismCodes(Set<Specialism> specialisms) {
        return specialisms.stream().map(Specialism::getCode).collect(Collectors.toCollection(TreeSet::new));
    }

    default Set<String> municipalityCodes(Set<Municipality> municipalities) {
        return municipalities.stream().map(Municipality::getCode).collect(Collectors.toCollection(TreeSet::new));
    }
}
