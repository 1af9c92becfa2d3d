package nl.passend.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.api.model.ContractCareTypeDto;
import nl.passend.api.model.ContractDto;
import nl.passend.api.model.ContractInputDto;
import nl.passend.api.model.ContractPageDto;
import nl.passend.audit.RegistryEdits;
import nl.passend.organisation.OrganisationService;
import nl.passend.provider.Provider;
import nl.passend.provider.ProviderService;
import nl.passend.reference.CareType;
import nl.passend.reference.Municipality;
import nl.passend.reference.ReferenceDataService;
import nl.passend.security.CurrentActor;
import nl.passend.security.Role;
import nl.passend.shared.ConflictException;
import nl.passend.shared.ForbiddenException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Paging;
import nl.passend.shared.RowLocks;
import nl.passend.shared.Violation;

/**
 * Registers contracts and keeps the rule that one care type for one municipality has one contract per provider a day
 * (DESIGN.md, Purchasing: an overlapping one is refused with 409). Purchasers keep only contracts in which their
 * municipality takes part, and only they see tariffs and budgets (DESIGN.md, Security and privacy).
 */
@Service
@Transactional
public class ContractService {

    /** The sort keys of the list, and the property each sorts by. */
    static final Map<String, String> SORTABLE = Map.of("id", "id", "reference", "reference",
            "validFrom", "validFrom", "validUntil", "validUntil");

    private final ContractRepository contracts;
    private final ProviderService providers;
    private final OrganisationService organisations;
    private final ReferenceDataService referenceData;
    private final CurrentActor currentActor;
    private final RegistryEdits edits;
    private final RowLocks locks;
    private final ContractMapper mapper;

    ContractService(ContractRepository contracts, ProviderService providers, OrganisationService organisations,
            ReferenceDataService referenceData, CurrentActor currentActor, RegistryEdits edits, RowLocks locks,
            ContractMapper mapper) {
        this.contracts = contracts;
        this.providers = providers;
        this.organisations = organisations;
        this.referenceData = referenceData;
        this.currentActor = currentActor;
        this.edits = edits;
        this.locks = locks;
        this.mapper = mapper;
    }

    @Transactional(readOnly = true)
    ContractPageDto list(@Nullable String municipality, @Nullable Long providerId, @Nullable String careType,
            @Nullable LocalDate validOn, int page, int size, List<String> sort) {
        if (careType != null) {
            referenceData.requireCareType("careType", careType);
        }
        boolean withMoney = currentActor.get().is(Role.PURCHASER);
        return mapper.toPageDto(contracts.search(municipality, providerId, careType, validOn,
                Paging.pageable(page, size, sort, SORTABLE)), withMoney);
    }

    @Transactional(readOnly = true)
    ContractDto get(long id) {
        return mapper.toDto(find(id), currentActor.get().is(Role.PURCHASER));
    }

    ContractDto create(ContractInputDto input) {
        Contract contract = new Contract();
        apply(input, contract);
        // Only purchasers edit contracts, so the answer shows the money.
        return edits.create(contracts, "contract", contract, created -> mapper.toDto(created, true));
    }

    ContractDto update(long id, ContractInputDto input) {
        return edits.update(contracts, "contract", findOwn(id), input.getVersion(), contract -> apply(input, contract),
                updated -> mapper.toDto(updated, true));
    }

    void delete(long id) {
        edits.delete(contracts, "contract", findOwn(id), "placements");
    }

    /**
     * The contract a request names in {@code field}, locked until the transaction ends (volume and budget checks);
     * locked last, after the referral and the offer (see {@link RowLocks}).
     */
    public Contract requireLocked(String field, long id) {
        return locks.require(contracts::findByIdForUpdate, field, "contract", id);
    }

    /** The contract with this id, if it still exists, locked until the transaction ends and read after the lock. */
    public Optional<Contract> findLocked(long id) {
        return locks.find(contracts::findByIdForUpdate, id);
    }

    /** Every contract, valid or not, as matching reads the region's supply. */
    @Transactional(readOnly = true)
    public List<Contract> all() {
        return contracts.findAll();
    }

    private Contract find(long id) {
        return contracts.findById(id).orElseThrow(() -> new NotFoundException("contract", id));
    }

    /**
     * A contract in which the purchaser's municipality takes no part is answered as if it did not exist: 404, not 403
     * (DESIGN.md, Security and privacy).
     */
    private Contract findOwn(long id) {
        Contract contract = find(id);
        String municipality = purchasersMunicipality();
        if (contract.getParticipatingMunicipalities().stream().noneMatch(m -> m.getCode().equals(municipality))) {
            throw new NotFoundException("contract", id);
        }
        return contract;
    }

    private String purchasersMunicipality() {
        // A password user's PURCHASER works for a municipality (UserAccountService); a bearer token may name any party.
        return organisations.municipalityOf(currentActor.get().organisationId())
                .orElseThrow(() -> new ForbiddenException("Only a purchaser of a municipality keeps contracts."));
    }

    private void apply(ContractInputDto input, Contract contract) {
        List<Violation> violations = new ArrayList<>();
        if (input.getReference().isBlank()) {
            violations.add(new Violation("reference", "must not be blank"));
        }
        if (input.getValidUntil().isBefore(input.getValidFrom())) {
            violations.add(new Violation("validUntil", "must not be before validFrom (" + input.getValidFrom() + ")"));
        }
        if (input.getBudgetCeiling() != null && hasMoreThanCents(input.getBudgetCeiling())) {
            violations.add(new Violation("budgetCeiling", "must have at most 2 decimals"));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < input.getCareTypes().size(); i++) {
            ContractCareTypeDto careType = input.getCareTypes().get(i);
            if (!seen.add(careType.getCareType())) {
                violations.add(new Violation("careTypes[" + i + "].careType",
                        "care type " + careType.getCareType() + " is listed twice"));
            }
            if (hasMoreThanCents(careType.getDailyTariff())) {
                violations.add(new Violation("careTypes[" + i + "].dailyTariff", "must have at most 2 decimals"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }

        Map<CareType, BigDecimal> dailyTariffs = new LinkedHashMap<>();
        for (int i = 0; i < input.getCareTypes().size(); i++) {
            ContractCareTypeDto careType = input.getCareTypes().get(i);
            dailyTariffs.put(referenceData.requireCareType("careTypes[" + i + "].careType", careType.getCareType()),
                    careType.getDailyTariff());
        }
        Municipality lead = referenceData.requireMunicipality("leadMunicipality", input.getLeadMunicipality());
        Set<Municipality> participating = new LinkedHashSet<>();
        // The lead municipality (gastheergemeente) always takes part, as the contract's createContract says.
        participating.add(lead);
        participating.addAll(referenceData.requireMunicipalities("participatingMunicipalities",
                input.getParticipatingMunicipalities()));
        // Checked on the contract as it will be: a purchaser registers none for others only, nor leaves itself out.
        String own = purchasersMunicipality();
        if (participating.stream().noneMatch(municipality -> municipality.getCode().equals(own))) {
            throw new ForbiddenException("You may keep only contracts in which your municipality (" + own
                    + ") takes part.");
        }
        // Locking the provider serialises every change of its contracts, so two overlapping ones cannot both pass.
        // Taken once the request is valid and allowed, and before the overlap query reads the provider's contracts.
        Provider provider = providers.requireLocked("providerId", input.getProviderId());

        String reference = input.getReference().strip();
        long self = contract.getId() == null ? 0 : contract.getId();
        // Checked here to name the clash; the unique key still refuses a concurrent twin, as a plainer 409.
        if (contracts.existsByReferenceIgnoreCaseAndIdNot(reference, self)) {
            throw new ConflictException("A contract with reference '" + reference + "' already exists.");
        }
        for (Contract other : contracts.findOthersInPeriod(provider, input.getValidFrom(), input.getValidUntil(), self)) {
            overlap(other, dailyTariffs.keySet(), participating).ifPresent(message -> {
                throw new ConflictException(message);
            });
        }

        contract.setReference(reference);
        contract.setProvider(provider);
        contract.setLeadMunicipality(lead);
        contract.setParticipatingMunicipalities(participating);
        contract.setDailyTariffs(dailyTariffs);
        contract.setValidity(input.getValidFrom(), input.getValidUntil());
        contract.setVolumeCeiling(input.getVolumeCeiling());
        contract.setBudgetCeiling(input.getBudgetCeiling());
    }

    /** Names what another contract of the provider in the same period already buys of the same care, if anything. */
    private static Optional<String> overlap(Contract other, Set<CareType> careTypes, Set<Municipality> municipalities) {
        Optional<CareType> careType = careTypes.stream()
                .filter(other.getDailyTariffs()::containsKey).findFirst();
        Optional<Municipality> municipality = municipalities.stream()
                .filter(other.getParticipatingMunicipalities()::contains).findFirst();
        if (careType.isEmpty() || municipality.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Contract " + other.getReference() + " (id " + other.getId() + ") already covers care type "
                + careType.get().getCode() + " for " + municipality.get().getName() + " ("
                + municipality.get().getCode() + ") with this provider from " + other.getValidFrom() + " to "
                + other.getValidUntil() + ". End it first, or leave out the care types or municipalities it covers.");
    }

    /** Refused, not rounded: the columns hold cents, and a purchaser's figure must not change without a word. */
    private static boolean hasMoreThanCents(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() > 2;
    }
}
