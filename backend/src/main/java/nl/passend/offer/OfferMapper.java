package nl.passend.offer;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.springframework.data.domain.Page;

import nl.passend.api.model.GenderDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.OfferPageDto;
import nl.passend.reference.Gender;
import nl.passend.shared.Paging;
import nl.passend.shared.TimeMapping;

@Mapper(uses = TimeMapping.class)
interface OfferMapper {

    /** @param staleBefore capacity reported before this moment is flagged as stale */
    @Mapping(target = "freePlaces", expression = "java(row.freePlaces())")
    @Mapping(target = "capacityStale", expression = "java(row.reportedAt().isBefore(staleBefore))")
    OfferDto toDto(OfferRow row, @Context Instant staleBefore);

    default OfferPageDto toPageDto(Page<OfferRow> page, Instant staleBefore) {
        return new OfferPageDto(page.map(row -> toDto(row, staleBefore)).getContent(), Paging.metadata(page));
    }

    default Set<GenderDto> genderDtos(Set<Gender> genders) {
        return genders.stream().sorted().map(gender -> GenderDto.valueOf(gender.name()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
