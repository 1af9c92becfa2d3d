package nl.passend.placement;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import nl.passend.api.model.EndReasonDto;
import nl.passend.api.model.GenderDto;
import nl.passend.api.model.LegalFrameworkDto;
import nl.passend.api.model.PlacementDto;
import nl.passend.api.model.PlacementNeedsDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.api.model.UrgencyDto;
import nl.passend.reference.Specialism;
import nl.passend.referral.Referral;
import nl.passend.shared.TimeMapping;

/** Maps placements with the minimum a provider must know of the youth: age, gender and needs, never the pseudonym. */
@Mapper(uses = TimeMapping.class)
interface PlacementMapper {

    @Mapping(target = "referralId", source = "referral.id")
    @Mapping(target = "offerId", source = "offer.id")
    @Mapping(target = "offerName", source = "offer.name")
    @Mapping(target = "providerId", source = "offer.location.provider.id")
    @Mapping(target = "contractId", source = "contract.id")
    @Mapping(target = "needs", source = "referral")
    PlacementDto toDto(Placement placement, @Context boolean withContextNote);

    default PlacementNeedsDto needs(Referral referral, @Context boolean withContextNote) {
        Set<String> specialisms = referral.getRequiredSpecialisms().stream().map(Specialism::getCode)
                .collect(Collectors.toCollection(TreeSet::new));
        return new PlacementNeedsDto(referral.getYouth().ageOn(referral.getRequestedStart()),
                GenderDto.valueOf(referral.getYouth().getGender().name()),
                LegalFrameworkDto.valueOf(referral.getLegalFramework().name()), referral.getCareType().getCode(),
                SecurityLevelDto.valueOf(referral.getMinSecurityLevel().name()), specialisms,
                UrgencyDto.valueOf(referral.getUrgency().name()), referral.getRequestedStart(),
                referral.getExpectedDurationDays())
                .contextNote(withContextNote ? referral.getContextNote() : null);
    }

    default EndReasonDto endReason(String code) {
        return code == null ? null : EndReasonDto.fromValue(code);
    }
}
