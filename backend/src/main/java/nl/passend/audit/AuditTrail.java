package nl.passend.audit;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.api.model.AuditActionDto;
import nl.passend.api.model.AuditEventPageDto;
import nl.passend.security.Actor;
import nl.passend.security.CurrentActor;
import nl.passend.security.Role;

/** Writes what the current actor did, and lets admins read it back. */
@Service
public class AuditTrail {

    private final AuditEventRepository events;
    private final CurrentActor currentActor;
    private final AuditEventMapper mapper;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, CurrentActor currentActor, AuditEventMapper mapper, Clock clock) {
        this.events = events;
        this.currentActor = currentActor;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Records that the current actor did something to a resource, in the caller's transaction: the event is written
     * if and only if the deed is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String resourceType, Object resourceId) {
        events.save(new AuditEvent(clock.instant(), currentActor.get(), action, resourceType,
                String.valueOf(resourceId)));
    }

    /**
     * Records what the system did by a rule of its own, not at anyone's request (retention): the event names the task
     * as its user, with the administrator's role, and the organisation whose data it concerned.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordBySystem(String task, AuditAction action, String resourceType, Object resourceId,
            long organisationId) {
        events.save(new AuditEvent(clock.instant(), new Actor(task, Role.ADMIN, organisationId), action, resourceType,
                String.valueOf(resourceId)));
    }

    /** The filters of the audit trail; {@code null} means "any". */
    record Filter(@Nullable String username, @Nullable Long organisationId, @Nullable AuditActionDto action,
            @Nullable String resourceType, @Nullable String resourceId, @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime until) {
    }

    @Transactional(readOnly = true)
    AuditEventPageDto list(Filter filter, int page, int size) {
        return mapper.toPageDto(events.search(filter, page, size));
    }
}
