package nl.passend.scenario;

import java.time.Clock;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.passend.api.model.MatchingRunStatusDto;
import nl.passend.api.model.PurchaseAdviceDto;
import nl.passend.api.model.PurchaseAdviceInputDto;
import nl.passend.api.model.PurchaseAdvicePageDto;
import nl.passend.api.model.PurchaseAdviceResultDto;
import nl.passend.audit.AuditAction;
import nl.passend.audit.AuditTrail;
import nl.passend.matching.SolvingJobs;
import nl.passend.reference.ReferenceDataService;
import nl.passend.security.Actor;
import nl.passend.security.CurrentActor;
import nl.passend.security.Role;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Paging;
import nl.passend.shared.TimeMapping;

/**
 * Queues purchase advice for {@link PurchaseAdviceRunner} and shows it. Euros are shown only where a purchaser both
 * asked for the advice and reads it: a planner reading a purchaser's advice gets it without them.
 */
@Service
@Transactional
class PurchaseAdviceService {

    private final PurchaseAdviceRepository advice;
    private final ReferenceDataService referenceData;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final SolvingJobs jobs;
    private final ScenarioProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    PurchaseAdviceService(PurchaseAdviceRepository advice, ReferenceDataService referenceData,
            CurrentActor currentActor, AuditTrail audit, SolvingJobs jobs, ScenarioProperties properties,
            ObjectMapper json, Clock clock) {
        this.advice = advice;
        this.referenceData = referenceData;
        this.currentActor = currentActor;
        this.audit = audit;
        this.jobs = jobs;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    PurchaseAdviceDto start(PurchaseAdviceInputDto input) {
        referenceData.requireYouthRegion("youthRegion", input.getYouthRegion());
        Actor actor = currentActor.get();
        // The time limit of each matching, in whole seconds as a job records it; the runner uses the configured one.
        int timeLimitSeconds = (int) Math.max(1, (properties.adviceTimeLimit().toMillis() + 999) / 1000);
        PurchaseAdvice queued = advice.saveAndFlush(new PurchaseAdvice(input.getYouthRegion(),
                actor.is(Role.PURCHASER), timeLimitSeconds, actor.username(), clock.instant()));
        audit.record(AuditAction.CREATE, "purchase_advice", queued.getId());
        jobs.queue(PurchaseAdviceRunner.TASK, queued.getId());
        return toDto(queued, false);
    }

    PurchaseAdvicePageDto list(int page, int size) {
        Page<PurchaseAdvice> found = advice.findAll(
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.desc("id"))));
        found.forEach(each -> audit.record(AuditAction.READ, "purchase_advice", each.getId()));
        return new PurchaseAdvicePageDto(found.map(each -> toDto(each, false)).getContent(), Paging.metadata(found));
    }

    PurchaseAdviceDto get(long id) {
        PurchaseAdvice found = advice.findById(id).orElseThrow(() -> new NotFoundException("purchase advice", id));
        audit.record(AuditAction.READ, "purchase_advice", id);
        return toDto(found, true);
    }

    private PurchaseAdviceDto toDto(PurchaseAdvice found, boolean withResult) {
        PurchaseAdviceDto dto = new PurchaseAdviceDto(found.getId(), found.getYouthRegionCode(),
                MatchingRunStatusDto.valueOf(found.getStatus().name()), found.getRequestedBy(),
                TimeMapping.toOffsetDateTime(found.getRequestedAt()))
                .startedAt(TimeMapping.toOffsetDateTime(found.getStartedAt()))
                .finishedAt(TimeMapping.toOffsetDateTime(found.getFinishedAt()))
                .failure(found.getFailure());
        if (!withResult) {
            return dto;
        }
        String result = found.getResultWithEuros() != null && currentActor.get().is(Role.PURCHASER)
                ? found.getResultWithEuros() : found.getResult();
        if (result != null) {
            try {
                dto.result(json.readValue(result, PurchaseAdviceResultDto.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The result of purchase advice " + found.getId() + " is unreadable",
                        e);
            }
        }
        return dto;
    }
}
