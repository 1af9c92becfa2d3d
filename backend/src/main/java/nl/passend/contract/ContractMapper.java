package nl.passend.contract;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.springframework.data.domain.Page;

import nl.passend.api.model.ContractCareTypeDto;
import nl.passend.api.model.ContractDto;
import nl.passend.api.model.ContractPageDto;
import nl.passend.reference.CareType;
import nl.passend.reference.Municipality;
import nl.passend.shared.Paging;

@Mapper
interface ContractMapper {

    @Mapping(target = "providerId", source = "provider.id")
    @Mapping(target = "providerName", source = "provider.name")
    @Mapping(target = "leadMunicipality", source = "leadMunicipality.code")
    @Mapping(target = "careTypes", source = "dailyTariffs")
    ContractDto toDto(Contract contract);

    default ContractPageDto toPageDto(Page<Contract> page) {
        return new ContractPageDto(page.map(this::toDto).getContent(), Paging.metadata(page));
    }

    default Set<String> municipalityCodes(Set<Municipality> municipalities) {
        return municipalities.stream().map(Municipality::getCode).collect(Collectors.toCollection(TreeSet::new));
    }

    default List<ContractCareTypeDto> careTypes(Map<CareType, BigDecimal> dailyTariffs) {
        return dailyTariffs.entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getKey().getCode()))
                .map(entry -> new ContractCareTypeDto(entry.getKey().getCode(), entry.getValue()))
                .toList();
    }
}
