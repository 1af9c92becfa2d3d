package nl.passend.contract;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import nl.passend.api.ContractsApi;
import nl.passend.api.model.ContractDto;
import nl.passend.api.model.ContractInputDto;
import nl.passend.api.model.ContractPageDto;
import nl.passend.api.model.VersionOnlyDto;

/**
 * Contracts in the REST contract ({@code ContractsApi}): everyone signed in reads them, tariffs and budgets only a
 * purchaser; purchasers keep those to which their municipality is a party (DESIGN.md, Security and privacy), and
 * confirm or decline their own municipality's participation in one (DESIGN.md, Mandates).
 */
@RestController
class ContractController implements ContractsApi {

    private final ContractService contracts;

    ContractController(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public ResponseEntity<ContractPageDto> listContracts(String municipality, String awaitingConsentOf,
            Long providerId, String careType, LocalDate validOn, Integer page, Integer size, List<String> sort) {
        return ResponseEntity.ok(contracts.list(municipality, awaitingConsentOf, providerId, careType, validOn, page,
                size, sort));
    }

    @Override
    public ResponseEntity<ContractDto> createContract(ContractInputDto input) {
        ContractDto created = contracts.create(input);
        URI location = UriComponentsBuilder.fromPath(PATH_GET_CONTRACT).buildAndExpand(created.getId()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @Override
    public ResponseEntity<ContractDto> getContract(Long id) {
        return ResponseEntity.ok(contracts.get(id));
    }

    @Override
    public ResponseEntity<ContractDto> updateContract(Long id, ContractInputDto input) {
        return ResponseEntity.ok(contracts.update(id, input));
    }

    @Override
    public ResponseEntity<ContractDto> confirmContractParticipation(Long id, VersionOnlyDto input) {
        return ResponseEntity.ok(contracts.confirm(id, input.getVersion()));
    }

    @Override
    public ResponseEntity<ContractDto> declineContractParticipation(Long id, VersionOnlyDto input) {
        return ResponseEntity.ok(contracts.decline(id, input.getVersion()));
    }

    @Override
    public ResponseEntity<Void> deleteContract(Long id) {
        contracts.delete(id);
        return ResponseEntity.noContent().build();
    }
}
