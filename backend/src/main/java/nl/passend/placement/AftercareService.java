package nl.passend.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.api.model.AftercareDueDto;
import nl.passend.api.model.AftercarePartnerDto;
import nl.passend.api.model.AftercarePlanDto;
import nl.passend.api.model.AftercarePlanInputDto;
import nl.passend.api.model.AftercareTaskDto;
import nl.passend.api.model.AftercareTaskInputDto;
import nl.passend.api.model.AftercareTaskStatusDto;
import nl.passend.api.model.OverdueAftercareTaskDto;
import nl.passend.api.model.PartnerKindDto;
import nl.passend.audit.AuditAction;
import nl.passend.audit.AuditTrail;
import nl.passend.referral.ReferralErased;
import nl.passend.reference.ReferenceDataService;
import nl.passend.security.Actor;
import nl.passend.security.CurrentActor;
import nl.passend.shared.ConflictException;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Refusal;
import nl.passend.shared.StaleVersionException;

/**
 * Aftercare plans, and the lists that show who must act: placements ending soon without a plan, and tasks past their
 * due date. Each actor sees those of its own organisation only.
 */
@Service
@Transactional
class AftercareService {

    private final PlacementService placements;
    private final PlacementRepository placementRepository;
    private final AftercarePlanRepository plans;
    private final AftercareTaskRepository tasks;
    private final ReferenceDataService referenceData;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final AftercareProperties properties;
    private final Clock clock;

    AftercareService(PlacementService placements, PlacementRepository placementRepository,
            AftercarePlanRepository plans, AftercareTaskRepository tasks, ReferenceDataService referenceData,
            CurrentActor currentActor, AuditTrail audit, AftercareProperties properties, Clock clock) {
        this.placements = placements;
        this.placementRepository = placementRepository;
        this.plans = plans;
        this.tasks = tasks;
        this.referenceData = referenceData;
        this.currentActor = currentActor;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    AftercarePlanDto get(long placementId) {
        Placement placement = placements.findVisible(placementId, currentActor.get());
        AftercarePlan plan = plans.findByPlacement_Id(placement.getId())
                .orElseThrow(() -> new NotFoundException("aftercare plan for placement", placementId));
        audit.record(AuditAction.READ, "aftercare-plan", placementId);
        return toDto(plan);
    }

    /**
     * The plan of a placement the actor may see, or none while it has no plan yet (a page offers to make one); audited
     * as a read when there is one. Another organisation's placement is not found, as in {@link #get}.
     */
    Optional<AftercarePlanDto> find(long placementId) {
        Placement placement = placements.findVisible(placementId, currentActor.get());
        Optional<AftercarePlan> plan = plans.findByPlacement_Id(placement.getId());
        plan.ifPresent(found -> audit.record(AuditAction.READ, "aftercare-plan", placementId));
        return plan.map(AftercareService::toDto);
    }

    AftercarePlanDto save(long placementId, AftercarePlanInputDto input) {
        Placement placement = placements.findVisible(placementId, currentActor.get());
        if (!EnumSet.of(PlacementStatus.ACCEPTED, PlacementStatus.STARTED).contains(placement.getStatus())) {
            throw new ConflictException(Refusal.of("refusal.aftercare.placementStatus", placementId,
                    placement.getStatus()));
        }
        var existing = plans.findByPlacement_Id(placementId);
        AftercarePlan plan = existing.orElseGet(() -> new AftercarePlan(placement));
        // A first plan has no version to name; every later save must name the one it read.
        if (existing.isPresent()) {
            StaleVersionException.requireCurrent("aftercare plan of placement", placementId, plan.getVersion(),
                    input.getVersion());
        }
        List<AftercarePartner> partners = input.getPartners().stream()
                .map(partner -> new AftercarePartner(PartnerKind.valueOf(partner.getKind().name()),
                        partner.getOrganisationName().strip(), partner.getContactName().strip(),
                        partner.getContactPhone(), partner.getContactEmail()))
                .toList();
        List<AftercareTask> newTasks = new ArrayList<>();
        for (AftercareTaskInputDto task : input.getTasks()) {
            AftercareTask.Status status = task.getStatus() == AftercareTaskStatusDto.DONE ? AftercareTask.Status.DONE
                    : AftercareTask.Status.OPEN;
            newTasks.add(new AftercareTask(plan, task.getDescription().strip(),
                    PartnerKind.valueOf(task.getResponsible().name()), task.getDueDate(), status));
        }
        plan.replace(referenceData.requireMunicipality("returnMunicipality", input.getReturnMunicipality()), partners,
                newTasks);
        AftercarePlan saved = plans.saveAndFlush(plan);
        // Audited under the placement's id, by which the API addresses the plan and an auditor looks for it.
        audit.record(existing.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, "aftercare-plan", placementId);
        return toDto(saved);
    }

    List<AftercareDueDto> due() {
        Actor actor = currentActor.get();
        LocalDate today = LocalDate.now(clock);
        List<AftercareDueDto> due = new ArrayList<>();
        for (Placement placement : placementRepository.findStartedEndingByWithoutAftercarePlan(
                today.plusDays(properties.leadDays()))) {
            if (PlacementService.isVisibleTo(placement, actor)) {
                placements.auditRead(placement);
                due.add(new AftercareDueDto(placement.getId(), placement.getReferral().getId(),
                        placement.getOffer().getName(), placement.getExpectedEnd(),
                        (int) ChronoUnit.DAYS.between(today, placement.getExpectedEnd())));
            }
        }
        return due;
    }

    List<OverdueAftercareTaskDto> overdueTasks() {
        Actor actor = currentActor.get();
        LocalDate today = LocalDate.now(clock);
        List<OverdueAftercareTaskDto> overdue = new ArrayList<>();
        for (AftercareTask task : tasks.findOpenDueBefore(today)) {
            Placement placement = task.getPlan().getPlacement();
            if (PlacementService.isVisibleTo(placement, actor)) {
                audit.record(AuditAction.READ, "aftercare-plan", placement.getId());
                overdue.add(new OverdueAftercareTaskDto(placement.getId(), task.getId(), task.getDescription(),
                        PartnerKindDto.valueOf(task.getResponsible().name()), task.getDueDate(),
                        (int) ChronoUnit.DAYS.between(task.getDueDate(), today)));
            }
        }
        return overdue;
    }

    private static AftercarePlanDto toDto(AftercarePlan plan) {
        List<AftercarePartnerDto> partners = plan.getPartners().stream()
                .map(partner -> new AftercarePartnerDto(PartnerKindDto.valueOf(partner.getKind().name()),
                        partner.getOrganisationName(), partner.getContactName())
                        .contactPhone(partner.getContactPhone()).contactEmail(partner.getContactEmail()))
                .toList();
        List<AftercareTaskDto> taskDtos = plan.getTasks().stream()
                .map(task -> new AftercareTaskDto(task.getId(), task.getDescription(),
                        PartnerKindDto.valueOf(task.getResponsible().name()), task.getDueDate(),
                        AftercareTaskStatusDto.valueOf(task.getStatus().name())))
                .toList();
        return new AftercarePlanDto(plan.getPlacement().getId(), plan.getReturnMunicipality().getCode(), partners,
                taskDtos, plan.getVersion());
    }

    /**
     * Retention: the named contacts of the referral's aftercare plans go with the youth's pseudonym, in the same
     * transaction. The organisations and the tasks stay: they say what was arranged, not for whom.
     */
    @EventListener
    void referralErased(ReferralErased erased) {
        plans.findByPlacement_Referral_Id(erased.referralId())
                .forEach(plan -> plan.getPartners().forEach(AftercarePartner::eraseContact));
    }
}
