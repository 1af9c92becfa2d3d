package nl.passend.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.api.model.PlacementDeclineDto;
import nl.passend.api.model.PlacementDto;
import nl.passend.api.model.PlacementEndDto;
import nl.passend.api.model.PlacementInputDto;
import nl.passend.api.model.PlacementPageDto;
import nl.passend.api.model.PlacementStartDto;
import nl.passend.api.model.PlacementStatusDto;
import nl.passend.api.model.VersionOnlyDto;
import nl.passend.audit.AuditAction;
import nl.passend.audit.AuditTrail;
import nl.passend.contract.Contract;
import nl.passend.contract.ContractService;
import nl.passend.offer.Offer;
import nl.passend.offer.OfferService;
import nl.passend.referral.Referral;
import nl.passend.referral.ReferralClosed;
import nl.passend.referral.ReferralService;
import nl.passend.referral.ReferralStatus;
import nl.passend.security.Actor;
import nl.passend.security.CurrentActor;
import nl.passend.security.Role;
import nl.passend.shared.ConflictException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Paging;
import nl.passend.shared.Refusal;
import nl.passend.shared.StaleVersionException;
import nl.passend.solver.Demand;
import nl.passend.solver.Eligibility;
import nl.passend.solver.Eligibility.Kind;
import nl.passend.solver.Eligibility.Misfit;

/**
 * The life of a placement, with the rule that no place is given twice: the offer and the contract are locked while
 * their room is counted, so that of concurrent requests for the last place exactly one succeeds. Reads write audit
 * events (youth data), so no method here runs in a read-only transaction.
 */
@Service
@Transactional
class PlacementService {

    private final PlacementRepository placements;
    private final ReferralService referrals;
    private final OfferService offers;
    private final ContractService contracts;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final PlacementMapper mapper;
    private final Clock clock;

    PlacementService(PlacementRepository placements, ReferralService referrals, OfferService offers,
            ContractService contracts, CurrentActor currentActor, AuditTrail audit, PlacementMapper mapper,
            Clock clock) {
        this.placements = placements;
        this.referrals = referrals;
        this.offers = offers;
        this.contracts = contracts;
        this.currentActor = currentActor;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
    }

    PlacementDto propose(PlacementInputDto input) {
        Referral referral = referrals.requireLocked("referralId", input.getReferralId());
        boolean own = referrals.isOwn(referral);
        // An officer proposes for its own organisation's referrals only; another's is answered as an id that does not
        // exist, so that not even its existence shows (DESIGN.md, Security and privacy).
        if (currentActor.get().is(Role.PROBATION_OFFICER) && !own) {
            throw InvalidRequestException.unknown("referralId", "referral", input.getReferralId());
        }
        // Always the offer before the contract, so that two placements never wait for each other's lock.
        Offer offer = offers.requireLocked("offerId", input.getOfferId());
        Contract contract = contracts.requireLocked("contractId", input.getContractId());
        Optional<Refusal> refusal = refusal(referral, offer, contract);
        if (refusal.isPresent()) {
            throw new ConflictException(refusal.get());
        }
        Placement placement = place(referral, offer, contract);
        // Planners see aggregates and ids, never what is known of a youth; the referring officer knows it all.
        return own ? mapper.toDto(placement, true) : mapper.toDto(placement, false).needs(null);
    }

    /**
     * Why the offer under the contract cannot be proposed for the referral now, or nothing when it can. The caller
     * holds the locks of the referral, the offer and the contract, in that order, so that the answer stays true.
     */
    Optional<Refusal> refusal(Referral referral, Offer offer, Contract contract) {
        if (referral.getStatus() != ReferralStatus.OPEN) {
            return Optional.of(Refusal.of("refusal.placement.referralNotOpen", referral.getId(),
                    referral.getStatus()));
        }
        List<String> misfits = misfits(referral, offer, contract, referrals.isOwn(referral));
        if (!misfits.isEmpty()) {
            return Optional.of(Refusal.of("refusal.placement.misfit", offer.getId(), contract.getReference(),
                    referral.getId(), String.join("; ", misfits)));
        }
        return noRoom(referral, offer, contract, PlacementStatus.HOLDING_A_PLACE);
    }

    /**
     * Every rule the offer or contract breaks for the referral, in plain words; empty when it fits. The rules are the
     * solver's {@link Eligibility}, so that matching never proposes what is refused here. The referral's own
     * organisation reads each rule broken, in words that name what is known of the offer and contract. Anyone else
     * (a planner) reads only the {@link Kind}s of rule broken: each rule in words would tell a youth's needs, home or
     * victim's town, one probe at a time.
     */
    private List<String> misfits(Referral referral, Offer offer, Contract contract, boolean detailed) {
        List<String> details = new ArrayList<>();
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        // Matching gives an inactive offer no room for anyone new (DESIGN.md); here that is said in so many words, to
        // everyone: it is the offer's, not the youth's.
        List<String> ofTheOffer = offer.isActive() ? List.of() : List.of("the offer is not active");
        Demand demand = referral.demand(LocalDate.now(clock));
        nl.passend.solver.Offer offerFact = offer.fact(offer.getCapacity());
        for (Misfit misfit : Eligibility.misfits(demand, offerFact, contract.fact(0))) {
            kinds.add(misfit.kind());
            switch (misfit) {
                case CARE_TYPE -> details.add("the offer is care type " + offer.getCareType().getCode()
                        + ", not the care type referred");
                case SECURITY -> details.add("security level " + offer.getSecurityLevel()
                        + " is below the one required");
                case AGE -> details.add("the offer takes ages " + offer.getMinAge() + " to " + offer.getMaxAge()
                        + " only");
                case GENDER -> details.add("the offer does not accept the youth's gender");
                case SPECIALISM -> Eligibility.missingSpecialisms(demand, offerFact)
                        .forEach(specialism -> details.add("the offer lacks specialism " + specialism));
                case EXCLUDED_MUNICIPALITY -> details.add("the offer's municipality is excluded for this youth");
                case CONTRACT_PROVIDER -> details.add("the contract is with another provider");
                case CONTRACT_PERIOD -> details.add("the contract is not valid on the requested start "
                        + referral.getRequestedStart());
                case CONTRACT_MUNICIPALITY -> details.add("the contract does not cover the youth's home municipality");
                case CONTRACT_CARE_TYPE -> details.add("the contract does not buy care type "
                        + referral.getCareType().getCode());
            }
        }
        // Bound to the place like an excluded municipality, and as much the youth's: the same kind.
        if (referral.getCoDefendantGroup() != null
                && placements.existsByOffer_Location_IdAndReferral_CoDefendantGroupAndStatusIn(
                        offer.getLocation().getId(), referral.getCoDefendantGroup(), PlacementStatus.HOLDING_A_PLACE)) {
            kinds.add(Kind.COVER);
            details.add("a co-defendant already has a place at this location");
        }
        List<String> misfits = new ArrayList<>(ofTheOffer);
        if (detailed) {
            misfits.addAll(details);
        } else {
            kinds.forEach(kind -> misfits.add(switch (kind) {
                case NEEDS -> "the offer does not meet the referral's needs";
                case COVER -> "no contract covers the referral at this place";
            }));
        }
        return misfits;
    }

    /** Proposes the place, once {@link #refusal} found nothing against it; audited. */
    Placement place(Referral referral, Offer offer, Contract contract) {
        Placement placement = placements.saveAndFlush(
                new Placement(referral, offer, contract, clock.instant(), currentActor.get().username()));
        referrals.advance(referral, ReferralStatus.PROPOSED, "place proposed at offer " + offer.getId());
        audit.record(AuditAction.CREATE, "placement", placement.getId());
        return placement;
    }

    PlacementDto accept(long id, VersionOnlyDto request) {
        Placement placement = findAnswerable(id, request.getVersion(), PlacementStatus.PROPOSED, "accepted");
        // The referral first, though only its status changes: in the order of RowLocks, so that an acceptance and a
        // matching run applied to the same referral never wait for each other's lock.
        referrals.requireLocked("referralId", placement.getReferral().getId());
        Offer offer = offers.requireLocked("offerId", placement.getOffer().getId());
        Contract contract = contracts.requireLocked("contractId", placement.getContract().getId());
        // The place this proposal holds must still be there among the places the provider has committed.
        requireRoom(placement.getReferral(), offer, contract, PlacementStatus.COMMITTED);
        // The contract must still pay: a municipality whose participation went back to pending (the contract was
        // widened without its consent) is no party, and its youth is not placed under it (DESIGN.md, Mandates).
        if (!Eligibility.pays(contract.fact(0), placement.getReferral().demand(LocalDate.now(clock)),
                offer.fact(offer.getCapacity()))) {
            throw new ConflictException(Refusal.of("refusal.placement.notCovered", contract.getReference()));
        }
        placement.accept(clock.instant());
        referrals.advance(placement.getReferral(), ReferralStatus.ACCEPTED, "accepted by the provider");
        return saved(placement);
    }

    PlacementDto decline(long id, PlacementDeclineDto request) {
        Placement placement = findAnswerable(id, request.getVersion(), PlacementStatus.PROPOSED, "declined");
        DeclineReason reason = DeclineReason.valueOf(request.getReason().name());
        if (reason == DeclineReason.OTHER && (request.getNote() == null || request.getNote().isBlank())) {
            throw new InvalidRequestException("note", Refusal.of("refusal.field.reasonOtherNeedsNote"));
        }
        placement.decline(clock.instant(), reason, request.getNote());
        // The referral waits again, for the next matching run or another proposal.
        referrals.advance(placement.getReferral(), ReferralStatus.OPEN, "declined by the provider: " + reason);
        return saved(placement);
    }

    PlacementDto start(long id, PlacementStartDto request) {
        Placement placement = findAnswerable(id, request.getVersion(), PlacementStatus.ACCEPTED, "started");
        if (request.getStartedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidRequestException("startedOn", Refusal.of("refusal.field.notInTheFuture"));
        }
        placement.start(request.getStartedOn());
        referrals.advance(placement.getReferral(), ReferralStatus.IN_CARE, "care started");
        return saved(placement);
    }

    PlacementDto end(long id, PlacementEndDto request) {
        Placement placement = findAnswerable(id, request.getVersion(), PlacementStatus.STARTED, "ended");
        if (request.getEndedOn().isBefore(placement.getStartedOn())) {
            throw new InvalidRequestException("endedOn", Refusal.of("refusal.field.notBeforeTheStart",
                    placement.getStartedOn()));
        }
        if (request.getEndedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidRequestException("endedOn", Refusal.of("refusal.field.notInTheFuture"));
        }
        placement.end(request.getEndedOn(), request.getReason().getValue());
        referrals.advance(placement.getReferral(), ReferralStatus.COMPLETED,
                "care ended, iJw JZ588 reason " + request.getReason().getValue());
        return saved(placement);
    }

    PlacementPageDto list(@Nullable PlacementStatusDto status, int page, int size) {
        Actor actor = currentActor.get();
        Page<Placement> found = placements.findVisible(actor,
                status == null ? null : PlacementStatus.valueOf(status.name()), page, size);
        List<PlacementDto> content = new ArrayList<>();
        for (Placement placement : found) {
            auditRead(placement);
            content.add(mapper.toDto(placement, showsContextNote(placement, actor)));
        }
        return new PlacementPageDto(content, Paging.metadata(found));
    }

    PlacementDto get(long id) {
        Actor actor = currentActor.get();
        Placement placement = findVisible(id, actor);
        auditRead(placement);
        return mapper.toDto(placement, showsContextNote(placement, actor));
    }

    /** A placement shows what is known of its referral's youth: the read counts for both. */
    void auditRead(Placement placement) {
        audit.record(AuditAction.READ, "placement", placement.getId());
        referrals.auditRead(placement.getReferral());
    }

    /**
     * A withdrawn or cancelled referral takes its open proposals and accepted places with it. A plain listener runs in
     * the closing transaction, so the referral and its placements close together or not at all.
     */
    @EventListener
    void referralClosed(ReferralClosed closed) {
        for (Placement placement : placements.findByReferral_IdAndStatusIn(closed.referralId(),
                EnumSet.of(PlacementStatus.PROPOSED, PlacementStatus.ACCEPTED))) {
            placement.withdraw();
            audit.record(AuditAction.UPDATE, "placement", placement.getId());
        }
    }

    private void requireRoom(Referral referral, Offer offer, Contract contract, Set<PlacementStatus> counted) {
        Optional<Refusal> noRoom = noRoom(referral, offer, contract, counted);
        if (noRoom.isPresent()) {
            throw new ConflictException(noRoom.get());
        }
    }

    /**
     * Whether the offer, the contract's volume or the contract's budget has no room for one more placement, counting
     * the placements in the given statuses. Against the budget every placement costs, as in matching, the daily
     * tariff for its care type times its expected stay; ended placements count too. The answer names no amounts:
     * planners and intakes read it.
     */
    private Optional<Refusal> noRoom(Referral referral, Offer offer, Contract contract, Set<PlacementStatus> counted) {
        long taken = placements.countByOffer_IdAndStatusIn(offer.getId(), counted);
        if (taken >= offer.getCapacity()) {
            return Optional.of(Refusal.of("refusal.placement.offerFull", offer.getId(), offer.getCapacity(), taken));
        }
        if (contract.getVolumeCeiling() != null
                && placements.countByContract_IdAndStatusIn(contract.getId(), counted) >= contract.getVolumeCeiling()) {
            return Optional.of(Refusal.of("refusal.placement.volumeCeiling", contract.getReference(),
                    contract.getVolumeCeiling()));
        }
        nl.passend.solver.Contract priced = contract.fact(0);
        if (priced.budgetCeilingCents() != null) {
            Set<PlacementStatus> spending = EnumSet.copyOf(counted);
            spending.add(PlacementStatus.ENDED);
            long committed = placements.findByContract_IdAndStatusIn(contract.getId(), spending).stream()
                    .mapToLong(placement -> cost(placement.getReferral(), priced)).sum();
            if (committed + cost(referral, priced) > priced.budgetCeilingCents()) {
                return Optional.of(Refusal.of("refusal.placement.budgetCeiling", contract.getReference()));
            }
        }
        return Optional.empty();
    }

    private static long cost(Referral referral, nl.passend.solver.Contract contract) {
        return contract.costCents(referral.getCareType().getCode(), referral.getExpectedDurationDays());
    }

    /** A placement the current intake may answer: at one of its own offers, in the status the step needs. */
    private Placement findAnswerable(long id, long version, PlacementStatus required, String step) {
        Actor actor = currentActor.get();
        Placement placement = findVisible(id, actor);
        StaleVersionException.requireCurrent("placement", id, placement.getVersion(), version);
        if (placement.getStatus() != required) {
            throw new ConflictException(Refusal.of("refusal.placement.status." + step, id, placement.getStatus(),
                    required));
        }
        return placement;
    }

    Placement findVisible(long id, Actor actor) {
        return placements.findById(id).filter(placement -> isVisibleTo(placement, actor))
                .orElseThrow(() -> new NotFoundException("placement", id));
    }

    private PlacementDto saved(Placement placement) {
        PlacementDto dto = mapper.toDto(placements.saveAndFlush(placement),
                showsContextNote(placement, currentActor.get()));
        audit.record(AuditAction.UPDATE, "placement", placement.getId());
        return dto;
    }

    /**
     * The intake of the offer's provider and the officers of the referring organisation see a placement (DESIGN.md,
     * Security and privacy); to anyone else it does not exist (404). Its query form is
     * {@link PlacementRepository#findVisible}.
     */
    static boolean isVisibleTo(Placement placement, Actor actor) {
        return actor.is(Role.PROVIDER_INTAKE)
                ? actor.belongsTo(placement.getOffer().getLocation().getProvider().getOrganisationId())
                : actor.is(Role.PROBATION_OFFICER) && actor.belongsTo(placement.getReferral().getOrganisationId());
    }

    /**
     * The referring organisation knows the note; a provider reads it once it has accepted the youth. Need-to-know
     * (DESIGN.md, Demand): before that, the intake sees age, gender and needs only (JOURNEYS.md).
     */
    private static boolean showsContextNote(Placement placement, Actor actor) {
        return actor.is(Role.PROBATION_OFFICER) || PlacementStatus.COMMITTED.contains(placement.getStatus())
                || placement.getStatus() == PlacementStatus.ENDED;
    }
}
