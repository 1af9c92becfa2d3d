package nl.passend.matching;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import nl.passend.api.model.MatchingApplicationDto;
import nl.passend.api.model.MatchingExplanationDto;
import nl.passend.api.model.MatchingRunDto;
import nl.passend.api.model.MatchingRunInputDto;
import nl.passend.api.model.MatchingRunPageDto;
import nl.passend.api.model.MatchingRunStatusDto;
import nl.passend.api.model.ProposedPlacementDto;
import nl.passend.api.model.SkippedAssignmentDto;
import nl.passend.audit.AuditAction;
import nl.passend.audit.AuditTrail;
import nl.passend.contract.ContractService;
import nl.passend.offer.OfferService;
import nl.passend.placement.PlacementProposals;
import nl.passend.reference.ReferenceDataService;
import nl.passend.referral.Referral;
import nl.passend.referral.ReferralService;
import nl.passend.security.CurrentActor;
import nl.passend.shared.ConflictException;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Paging;
import nl.passend.shared.Refusal;
import nl.passend.shared.TimeMapping;
import nl.passend.solver.Explanation;

/** Starts matching runs, shows them, applies their result as proposals, and explains a referral's outcome. */
@Service
@Transactional
class MatchingRunService {

    static final int DEFAULT_TIME_LIMIT_SECONDS = 10;

    /** The most urgent and longest waiting first, when two assignments compete for a place that is left. */
    private static final Comparator<MatchingOutcome> APPLY_ORDER = Comparator
            .comparing(MatchingOutcome::getUrgency)
            .thenComparing(Comparator.comparingInt(MatchingOutcome::getDaysWaiting).reversed())
            .thenComparing(MatchingOutcome::getReferralId);

    private final MatchingRunRepository runs;
    private final MatchingOutcomeRepository outcomes;
    private final ReferenceDataService referenceData;
    private final ReferralService referrals;
    private final OfferService offers;
    private final ContractService contracts;
    private final PlacementProposals proposals;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final SolvingJobs jobs;
    private final MatchingMapper mapper;
    private final StoredExplanations explanations;
    private final ExplanationWording wording;
    private final Clock clock;

    MatchingRunService(MatchingRunRepository runs, MatchingOutcomeRepository outcomes,
            ReferenceDataService referenceData, ReferralService referrals, OfferService offers,
            ContractService contracts, PlacementProposals proposals, CurrentActor currentActor, AuditTrail audit,
            SolvingJobs jobs, MatchingMapper mapper, StoredExplanations explanations, ExplanationWording wording,
            Clock clock) {
        this.runs = runs;
        this.outcomes = outcomes;
        this.referenceData = referenceData;
        this.referrals = referrals;
        this.offers = offers;
        this.contracts = contracts;
        this.proposals = proposals;
        this.currentActor = currentActor;
        this.audit = audit;
        this.jobs = jobs;
        this.mapper = mapper;
        this.explanations = explanations;
        this.wording = wording;
        this.clock = clock;
    }

    /** Queues a run, unless one over an overlapping scope is queued or solving. */
    MatchingRunDto start(MatchingRunInputDto input) {
        String region = input.getYouthRegion();
        if (region != null) {
            referenceData.requireYouthRegion("youthRegion", region);
        }
        int timeLimit = input.getTimeLimitSeconds() == null ? DEFAULT_TIME_LIMIT_SECONDS : input.getTimeLimitSeconds();
        Optional<MatchingRun> run = queue(region, timeLimit, null);
        if (run.isEmpty()) {
            MatchingRun other = busyWith(region).orElseThrow();
            throw new ConflictException(Refusal.of("refusal.run.overlapping", other.getId(),
                    scope(other.getYouthRegionCode()), other.getStatus(), scope(region)));
        }
        return toDto(run.get(), false);
    }

    /**
     * Queues a run for the current actor, or for a schedule, unless one over an overlapping scope is queued or
     * solving: then there is nothing to queue.
     */
    Optional<MatchingRun> queue(@Nullable String region, int timeLimit, @Nullable MatchingSchedule schedule) {
        // Two requests at once both see no active run unless one waits for the other: the region locks order them.
        referenceData.lockYouthRegions();
        if (busyWith(region).isPresent()) {
            return Optional.empty();
        }
        MatchingRun run = new MatchingRun(region, timeLimit, currentActor.get().username(), clock.instant());
        if (schedule != null) {
            run.startedBy(schedule);
        }
        runs.saveAndFlush(run);
        audit.record(AuditAction.CREATE, "matching_run", run.getId());
        jobs.queue(MatchingRunner.TASK, run.getId());
        return Optional.of(run);
    }

    private Optional<MatchingRun> busyWith(@Nullable String region) {
        return runs.findByStatusIn(List.of(MatchingRunStatus.QUEUED, MatchingRunStatus.SOLVING)).stream()
                .filter(run -> run.overlaps(region)).findFirst();
    }

    @Transactional(readOnly = true)
    MatchingRunPageDto list(@Nullable MatchingRunStatusDto status, int page, int size) {
        PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.desc("id")));
        Page<MatchingRun> found = status == null ? runs.findAll(pageable)
                : runs.findByStatus(MatchingRunStatus.valueOf(status.name()), pageable);
        Map<Long, List<MatchingOutcomeRepository.Count>> counts = outcomes
                .countByRun(found.map(MatchingRun::getId).getContent()).stream()
                .collect(Collectors.groupingBy(MatchingOutcomeRepository.Count::runId));
        List<MatchingRunDto> content = found.stream()
                .map(run -> mapper.toDto(run, elapsed(run), counts.getOrDefault(run.getId(), List.of()), null))
                .toList();
        return new MatchingRunPageDto(content, Paging.metadata(found));
    }

    /** A run with its assignments: which referral goes where is a read of referral data, and audited. */
    MatchingRunDto get(long id) {
        MatchingRun run = runs.findById(id).orElseThrow(() -> new NotFoundException("matching run", id));
        audit.record(AuditAction.READ, "matching_run", id);
        return toDto(run, true);
    }

    /**
     * Proposes each assignment of a DONE run, in one transaction. An assignment whose referral is no longer open,
     * whose offer or contract changed since the run, or whose place is gone, is skipped and listed with the reason,
     * in the API's English.
     */
    MatchingApplicationDto apply(long id) {
        return apply(id, Refusal::english);
    }

    /** As {@link #apply(long)}, with the reasons of what was skipped worded by {@code words} (a page's language). */
    MatchingApplicationDto apply(long id, Function<Refusal, String> words) {
        MatchingRun run = runs.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("matching run", id));
        if (run.getStatus() != MatchingRunStatus.DONE) {
            throw new ConflictException(Refusal.of("refusal.run.notDone", id, run.getStatus()));
        }
        if (run.getAppliedAt() != null) {
            throw new ConflictException(Refusal.of("refusal.run.appliedAlready", id, run.getAppliedAt(),
                    run.getAppliedBy()));
        }
        List<ProposedPlacementDto> proposed = new ArrayList<>();
        List<SkippedAssignmentDto> skipped = new ArrayList<>();
        List<MatchingOutcome> assignments = new ArrayList<>(outcomes.findByRunIdAndOfferIdNotNullOrderByReferralId(id));
        assignments.sort(APPLY_ORDER);
        // Every row this apply may touch is locked first, by kind and then by id, as a single proposal locks them:
        // no two requests can then wait for each other. Versions are compared once the rows are locked.
        new TreeSet<>(assignments.stream().map(MatchingOutcome::getReferralId).toList())
                .forEach(referral -> referrals.requireLocked("referralId", referral));
        Map<Long, Long> offerVersions = new HashMap<>();
        new TreeSet<>(assignments.stream().map(MatchingOutcome::getOfferId).toList()).forEach(offer ->
                offers.findLocked(offer).ifPresent(locked -> offerVersions.put(offer, locked.getVersion())));
        Map<Long, Long> contractVersions = new HashMap<>();
        new TreeSet<>(assignments.stream().map(MatchingOutcome::getContractId).toList()).forEach(contract ->
                contracts.findLocked(contract).ifPresent(locked -> contractVersions.put(contract, locked.getVersion())));
        for (MatchingOutcome assignment : assignments) {
            Optional<Refusal> changed = changedSinceRun(assignment, offerVersions, contractVersions);
            if (changed.isPresent()) {
                skipped.add(new SkippedAssignmentDto(assignment.getReferralId(), assignment.getOfferId(),
                        words.apply(changed.get())));
                continue;
            }
            PlacementProposals.Outcome outcome = proposals.propose(assignment.getReferralId(),
                    assignment.getOfferId(), assignment.getContractId());
            if (outcome.refusal() != null) {
                skipped.add(new SkippedAssignmentDto(assignment.getReferralId(), assignment.getOfferId(),
                        words.apply(outcome.refusal())));
            } else {
                proposed.add(new ProposedPlacementDto(assignment.getReferralId(), outcome.placementId()));
            }
        }
        run.applied(currentActor.get().username(), clock.instant());
        runs.saveAndFlush(run);
        audit.record(AuditAction.UPDATE, "matching_run", id);
        return new MatchingApplicationDto(id, proposed, skipped);
    }

    /**
     * Why the latest finished run gave the referral its place, or none, in the API's English; for the referring
     * organisation only.
     */
    MatchingExplanationDto explain(long referralId) {
        return explain(referralId, ExplanationWording.API);
    }

    /** The same, worded in the reader's language. */
    MatchingExplanationDto explain(long referralId, Locale language) {
        Referral referral = referrals.requireOwn(referralId);
        MatchingOutcome outcome = outcomes.findLatestDone(referralId, Limit.of(1)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("explanation of referral", referralId));
        MatchingRun run = runs.findById(outcome.getRunId()).orElseThrow();
        referrals.auditRead(referral);
        try {
            Explanation explanation = explanations.read(outcome.getExplanation(), outcome.getExplanationFormat());
            return mapper.toDto(explanation, run.getId(), TimeMapping.toOffsetDateTime(run.getFinishedAt()),
                    phrase -> wording.word(phrase, language));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored explanation of referral " + referralId + " is unreadable", e);
        }
    }

    private static Optional<Refusal> changedSinceRun(MatchingOutcome assignment, Map<Long, Long> offerVersions,
            Map<Long, Long> contractVersions) {
        if (!assignment.getOfferVersion().equals(offerVersions.get(assignment.getOfferId()))) {
            return Optional.of(Refusal.of("refusal.run.offerChanged", assignment.getOfferId()));
        }
        if (!assignment.getContractVersion().equals(contractVersions.get(assignment.getContractId()))) {
            return Optional.of(Refusal.of("refusal.run.contractChanged", assignment.getContractId()));
        }
        return Optional.empty();
    }

    private MatchingRunDto toDto(MatchingRun run, boolean withAssignments) {
        List<MatchingOutcome> assigned = withAssignments && run.getStatus() == MatchingRunStatus.DONE
                ? outcomes.findByRunIdAndOfferIdNotNullOrderByReferralId(run.getId()) : null;
        return mapper.toDto(run, elapsed(run), outcomes.countByRun(List.of(run.getId())), assigned);
    }

    /** While solving, the time so far; afterwards, what the run took. */
    @Nullable
    private Long elapsed(MatchingRun run) {
        if (run.getStatus() == MatchingRunStatus.SOLVING && run.getStartedAt() != null) {
            return Duration.between(run.getStartedAt(), clock.instant()).toMillis();
        }
        return run.getElapsedMillis();
    }

    private static Refusal scope(@Nullable String region) {
        return region == null ? Refusal.of("refusal.run.allRegions") : Refusal.of("refusal.run.region", region);
    }
}
