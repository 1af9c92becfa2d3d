package nl.passend.contract;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.springframework.data.domain.Page;

import nl.passend.api.model.ContractCareTypeViewDto;
import nl.passend.api.model.ContractDto;
import nl.passend.api.model.ContractPageDto;
import nl.passend.api.model.ContractParticipationDto;
import nl.passend.api.model.ParticipationStateDto;
import nl.passend.reference.CareType;
import nl.passend.reference.Municipality;
import nl.passend.shared.Paging;

/** Maps contracts; tariffs and the budget are commercial figures that only purchasers see. */
@Mapper
interface ContractMapper {

    @Mapping(target = "providerId", source = "provider.id")
    @Mapping(target = "providerName", source = "provider.name")
    @Mapping(target = "leadMunicipality", source = "leadMunicipality.code")
    @Mapping(target = "careTypes", source = "dailyTariffs")
    @Mapping(target = "budgetCeiling", expression = "java(withMoney ? contract.getBudgetCeiling() : null)")
    ContractDto toDto(Contract contract, @Context boolean withMoney);

    default ContractPageDto toPageDto(Page<Contract> page, boolean withMoney) {
        return new ContractPageDto(page.map(contract -> toDto(contract, withMoney)).getContent(),
                Paging.metadata(page));
    }

    default Set<String> municipalityCodes(Set<Municipality> municipalities) {
        return municipalities.stream().map(Municipality::getCode).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every listed municipality with its consent, by code, so that each purchaser sees where it stands. */
    default List<ContractParticipationDto> participations(Map<Municipality, Participation> participations) {
        return participations.entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getKey().getCode()))
                .map(entry -> new ContractParticipationDto(entry.getKey().getCode(),
                        ParticipationStateDto.valueOf(entry.getValue().getState().name()))
                        .mandateId(entry.getValue().getMandateId()))
                .toList();
    }

    default List<ContractCareTypeViewDto> careTypes(Map<CareType, BigDecimal> dailyTariffs,
            @Context boolean withMoney) {
        return dailyTariffs.entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getKey().getCode()))
                .map(entry -> new ContractCareTypeViewDto(entry.getKey().getCode())
                        .dailyTariff(withMoney ? entry.getValue() : null))
                .toList();
    }
}
