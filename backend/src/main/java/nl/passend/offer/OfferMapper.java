package nl.passend.offer;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.springframework.data.domain.Page;

import nl.passend.api.model.GenderDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.OfferPageDto;
import nl.passend.reference.Gender;
import nl.passend.reference.Specialism;
import nl.passend.shared.Paging;
import nl.passend.shared.TimeMapping;

@Mapper(uses = TimeMapping.class)
interface OfferMapper {

    /** @param staleBefore capacity reported before this moment is flagged as stale */
    @Mapping(target = "locationId", source = "location.id")
    @Mapping(target = "locationName", source = "location.name")
    @Mapping(target = "providerId", source = "location.provider.id")
    @Mapping(target = "providerName", source = "location.provider.name")
    @Mapping(target = "municipalityCode", source = "location.municipality.code")
    @Mapping(target = "municipalityName", source = "location.municipality.name")
    @Mapping(target = "youthRegion", source = "location.municipality.youthRegion.code")
    @Mapping(target = "careType", source = "careType.code")
    @Mapping(target = "capacityStale", expression = "java(offer.getReportedAt().isBefore(staleBefore))")
    OfferDto toDto(Offer offer, @Context Instant staleBefore);

    default OfferPageDto toPageDto(Page<Offer> page, Instant staleBefore) {
        return new OfferPageDto(page.map(offer -> toDto(offer, staleBefore)).getContent(), Paging.metadata(page));
    }

    default Set<String> specialismCodes(Set<Specialism> specialisms) {
        return specialisms.stream().map(Specialism::getCode).collect(Collectors.toCollection(TreeSet::new));
    }

    default Set<GenderDto> genderDtos(Set<Gender> genders) {
        return genders.stream().sorted().map(gender -> GenderDto.valueOf(gender.name()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
