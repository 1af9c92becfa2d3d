package nl.passend.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import nl.passend.audit.AuditAction;
import nl.passend.audit.AuditTrail;
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
import nl.passend.shared.Refusal;
import nl.passend.shared.RowLocks;
import nl.passend.shared.StaleVersionException;
import nl.passend.shared.Violation;

/**
 * Registers contracts and keeps the rule that one care type for one municipality has one contract per provider a day
 * (DESIGN.md, Purchasing: an overlapping one is refused with 409). A municipality is bound only with its consent
 * (DESIGN.md, Mandates): its participation is pending until a mandate or its own purchaser confirms it, and only
 * parties count for coverage and overlap. Purchasers keep only contracts to which their municipality is a party, and
 * only they see tariffs and budgets (DESIGN.md, Security and privacy).
 */
@Service
@Transactional
public class ContractService {

    /** The sort keys of the list, and the property each sorts by. */
    static final Map<String, String> SORTABLE = Map.of("id", "id", "reference", "reference",
            "validFrom", "validFrom", "validUntil", "validUntil");

    private final ContractRepository contracts;
    private final MandateRepository mandates;
    private final ProviderService providers;
    private final OrganisationService organisations;
    private final ReferenceDataService referenceData;
    private final CurrentActor currentActor;
    private final RegistryEdits edits;
    private final RowLocks locks;
    private final AuditTrail audit;
    private final ContractMapper mapper;

    ContractService(ContractRepository contracts, MandateRepository mandates, ProviderService providers,
            OrganisationService organisations, ReferenceDataService referenceData, CurrentActor currentActor,
            RegistryEdits edits, RowLocks locks, AuditTrail audit, ContractMapper mapper) {
        this.contracts = contracts;
        this.mandates = mandates;
        this.providers = providers;
        this.organisations = organisations;
        this.referenceData = referenceData;
        this.currentActor = currentActor;
        this.edits = edits;
        this.locks = locks;
        this.audit = audit;
        this.mapper = mapper;
    }

    @Transactional(readOnly = true)
    ContractPageDto list(@Nullable String municipality, @Nullable String awaitingConsentOf, @Nullable Long providerId,
            @Nullable String careType, @Nullable LocalDate validOn, int page, int size, List<String> sort) {
        if (careType != null) {
            referenceData.requireCareType("careType", careType);
        }
        boolean withMoney = currentActor.get().is(Role.PURCHASER);
        return mapper.toPageDto(contracts.search(municipality, awaitingConsentOf, providerId, careType, validOn,
                Paging.pageable(page, size, sort, SORTABLE)), withMoney);
    }

    @Transactional(readOnly = true)
    ContractDto get(long id) {
        return mapper.toDto(find(id), currentActor.get().is(Role.PURCHASER));
    }

    /**
     * The contracts to which the purchaser's own municipality is a party, by reference: the ones it keeps (the
     * purchaser's pages list these; the API's list filters by any municipality).
     */
    @Transactional(readOnly = true)
    ContractPageDto listOwn(int page, int size) {
        return list(purchasersMunicipality(), null, null, null, null, page, size, List.of("reference", "asc"));
    }

    /** The contracts in which the purchaser's own municipality's participation waits for its consent. */
    @Transactional(readOnly = true)
    ContractPageDto listAwaitingOwnConsent(int page, int size) {
        return list(null, purchasersMunicipality(), null, null, null, page, size, List.of("reference", "asc"));
    }

    /**
     * A contract as its purchaser edits it: one to which the purchaser's municipality is no party is answered 404, as
     * its update and delete are.
     */
    @Transactional(readOnly = true)
    ContractDto getOwn(long id) {
        return mapper.toDto(findOwn(id), true);
    }

    /** Whether the caller keeps this contract: a purchaser of a municipality that is a party to it. */
    @Transactional(readOnly = true)
    boolean isKeptByCaller(long id) {
        Contract contract = find(id);
        return currentActor.get().is(Role.PURCHASER) && organisations.municipalityOf(currentActor.get().organisationId())
                .map(contract::isParty).orElse(false);
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
     * A purchaser consents to its own municipality's participation: from now on it is a party, its youths covered.
     * Refused if that would give the municipality two contracts of the provider for one care type on one day.
     */
    ContractDto confirm(long id, Long version) {
        String own = purchasersMunicipality();
        Contract contract = find(id);
        Municipality municipality = participant(contract, own);
        StaleVersionException.requireCurrent("contract", id, contract.getVersion(), version);
        if (contract.getParticipations().get(municipality).isConfirmed()) {
            throw new ConflictException(Refusal.of("refusal.contract.alreadyConfirmed", municipality.getName(),
                    municipality.getCode(), contract.getReference()));
        }
        // As for an edit: the provider's lock serialises every change of who is party to its contracts.
        providers.requireLocked("id", contract.getProvider().getId());
        overlap(contract, municipality).ifPresent(refusal -> {
            throw new ConflictException(refusal);
        });
        contract.setParticipation(municipality, Participation.confirmed());
        return participationChanged(contract, municipality);
    }

    /** A purchaser refuses its own municipality's pending participation; a confirmed one is not undone this way. */
    ContractDto decline(long id, Long version) {
        String own = purchasersMunicipality();
        Contract contract = find(id);
        Municipality municipality = participant(contract, own);
        StaleVersionException.requireCurrent("contract", id, contract.getVersion(), version);
        ParticipationState state = contract.getParticipations().get(municipality).getState();
        if (state != ParticipationState.PENDING) {
            throw new ConflictException(Refusal.of("refusal.contract.notPending." + state, municipality.getName(),
                    municipality.getCode(), contract.getReference(), state));
        }
        contract.setParticipation(municipality, Participation.declined());
        return participationChanged(contract, municipality);
    }

    /**
     * Confirms the granting municipality's pending participations that a new mandate covers, in the contracts its
     * lead leads; one that would overlap another contract of the municipality stays pending.
     */
    void confirmCoveredBy(Mandate mandate) {
        Municipality granting = mandate.getGrantingMunicipality();
        List<Contract> awaiting = new ArrayList<>(contracts.findLedBy(mandate.getLeadMunicipality().getCode(),
                granting.getCode(), ParticipationState.PENDING));
        // Providers are locked in the order of their ids, so that two grants never wait for each other's locks.
        awaiting.sort(Comparator.comparing((Contract contract) -> contract.getProvider().getId())
                .thenComparing(Contract::getId));
        for (Contract contract : awaiting) {
            if (!mandate.covers(contract, granting)) {
                continue;
            }
            providers.requireLocked("id", contract.getProvider().getId());
            if (overlap(contract, granting).isEmpty()) {
                contract.setParticipation(granting, Participation.byMandate(mandate.getId()));
                participationChanged(contract, granting);
            }
        }
    }

    /** Writes the contract (its version moves on, so an edit based on the old one is refused) and audits it. */
    private ContractDto participationChanged(Contract contract, Municipality municipality) {
        ContractDto dto = mapper.toDto(contracts.saveAndFlush(contract), true);
        audit.record(AuditAction.UPDATE, "contract_participation", contract.getId() + "/" + municipality.getCode());
        return dto;
    }

    /** The caller's municipality as listed by the contract; one the contract does not list is answered 404. */
    private static Municipality participant(Contract contract, String own) {
        return contract.getParticipatingMunicipalities().stream().filter(m -> m.getCode().equals(own)).findFirst()
                .orElseThrow(() -> new NotFoundException("participation of " + own + " in contract",
                        contract.getId()));
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
     * A contract to which the purchaser's municipality is no party is answered as if it did not exist: 404, not 403
     * (DESIGN.md, Security and privacy). A municipality only pending confirms or declines; it does not keep it.
     */
    private Contract findOwn(long id) {
        Contract contract = find(id);
        String municipality = purchasersMunicipality();
        if (!contract.isParty(municipality)) {
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
            violations.add(new Violation("reference", Refusal.of("refusal.field.notBlank")));
        }
        if (input.getValidUntil().isBefore(input.getValidFrom())) {
            violations.add(new Violation("validUntil",
                    Refusal.of("refusal.field.notBeforeValidFrom", input.getValidFrom())));
        }
        if (input.getBudgetCeiling() != null && hasMoreThanCents(input.getBudgetCeiling())) {
            violations.add(new Violation("budgetCeiling", Refusal.of("refusal.field.cents")));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < input.getCareTypes().size(); i++) {
            ContractCareTypeDto careType = input.getCareTypes().get(i);
            if (!seen.add(careType.getCareType())) {
                violations.add(new Violation("careTypes[" + i + "].careType",
                        Refusal.of("refusal.field.careTypeTwice", careType.getCareType())));
            }
            if (hasMoreThanCents(careType.getDailyTariff())) {
                violations.add(new Violation("careTypes[" + i + "].dailyTariff", Refusal.of("refusal.field.cents")));
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
            throw new ConflictException(Refusal.of("refusal.contract.referenceTaken", reference));
        }

        // What each municipality consented to is judged against the contract as it was; a refusal below rolls back.
        boolean widened = contract.getId() != null && (!contract.getLeadMunicipality().equals(lead)
                || !contract.getDailyTariffs().keySet().containsAll(dailyTariffs.keySet())
                || input.getValidFrom().isBefore(contract.getValidFrom())
                || input.getValidUntil().isAfter(contract.getValidUntil()));
        Map<Municipality, Participation> before = new HashMap<>(contract.getParticipations());
        contract.setReference(reference);
        contract.setProvider(provider);
        contract.setLeadMunicipality(lead);
        contract.setDailyTariffs(dailyTariffs);
        contract.setValidity(input.getValidFrom(), input.getValidUntil());
        contract.setVolumeCeiling(input.getVolumeCeiling());
        contract.setBudgetCeiling(input.getBudgetCeiling());
        Map<Municipality, Participation> participations = new LinkedHashMap<>();
        for (Municipality municipality : participating) {
            participations.put(municipality, consent(contract, municipality, before.get(municipality), widened, own));
        }
        contract.setParticipations(participations);

        for (Contract other : contracts.findOthersInPeriod(provider, input.getValidFrom(), input.getValidUntil(), self)) {
            overlap(other, dailyTariffs.keySet(), contract.getParticipations()).ifPresent(refusal -> {
                throw new ConflictException(refusal);
            });
        }
    }

    /**
     * The consent of one municipality to the contract as it will be (DESIGN.md, Mandates): the purchaser's own is
     * given by registering it; another's, given before, holds while the contract buys no more care and lasts no longer
     * than when it was given; else a standing mandate to the lead covers it, if the lead's own purchaser acts.
     */
    private Participation consent(Contract contract, Municipality municipality, @Nullable Participation before,
            boolean widened, String own) {
        if (municipality.getCode().equals(own)) {
            return before != null && before.isConfirmed() ? before : Participation.confirmed();
        }
        if (before != null && before.getState() != ParticipationState.PENDING && !widened) {
            return before;
        }
        if (!own.equals(contract.getLeadMunicipality().getCode())) {
            return Participation.pending();
        }
        // A mandate does not bind the municipality into a second contract of the provider for the same care and days:
        // that participation waits, as it would if the mandate were granted after the contract.
        return mandates.findStandingOver(municipality.getCode(), own, contract.getValidFrom(), contract.getValidUntil())
                .stream().filter(mandate -> mandate.covers(contract, municipality)).findFirst()
                .filter(mandate -> overlap(contract, municipality).isEmpty())
                .map(mandate -> Participation.byMandate(mandate.getId())).orElseGet(Participation::pending);
    }

    /** Names another contract of the provider to which the municipality is already a party for this care, if any. */
    private Optional<Refusal> overlap(Contract contract, Municipality municipality) {
        for (Contract other : contracts.findOthersInPeriod(contract.getProvider(), contract.getValidFrom(),
                contract.getValidUntil(), contract.getId() == null ? 0 : contract.getId())) {
            Optional<Refusal> clash = overlap(other, contract.getDailyTariffs().keySet(),
                    Map.of(municipality, Participation.confirmed()));
            if (clash.isPresent()) {
                return clash;
            }
        }
        return Optional.empty();
    }

    /**
     * Names what another contract of the provider in the same period already buys of the same care for one of the
     * parties, if anything. Only parties count on either side: a pending participation blocks nothing.
     */
    private static Optional<Refusal> overlap(Contract other, Set<CareType> careTypes,
            Map<Municipality, Participation> participations) {
        Optional<CareType> careType = careTypes.stream()
                .filter(other.getDailyTariffs()::containsKey).findFirst();
        Optional<Municipality> municipality = participations.entrySet().stream()
                .filter(entry -> entry.getValue().isConfirmed() && other.isParty(entry.getKey().getCode()))
                .map(Map.Entry::getKey).findFirst();
        if (careType.isEmpty() || municipality.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Refusal.of("refusal.contract.overlap", other.getReference(), other.getId(),
                careType.get().getCode(), municipality.get().getName(), municipality.get().getCode(),
                other.getValidFrom(), other.getValidUntil()));
    }

    /** Refused, not rounded: the columns hold cents, and a purchaser's figure must not change without a word. */
    private static boolean hasMoreThanCents(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() > 2;
    }
}
