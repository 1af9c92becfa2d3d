package nl.passend.audit;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.api.model.AuditActionDto;
import nl.passend.api.model.AuditEventPageDto;
import nl.passend.security.CurrentActor;

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

    /** The filters of the audit trail; {@code null} means "any". */
    record Filter(@Nullable String username, @Nullable Long organisationId, @Nullable AuditActionDto action,
            @Nullable String resourceType, @Nullable String resourceId, @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime until) {
    }

    /** Newest first; the id breaks ties, since a database may store whole seconds only. */
    @Transactional(readOnly = true)
    AuditEventPageDto list(Filter filter, int page, int size) {
        Specification<AuditEvent> where = Specification.allOf(
                filter.username() == null ? null : (root, query, cb) ->
                        cb.equal(root.get(AuditEvent_.username), filter.username()),
                filter.organisationId() == null ? null : (root, query, cb) ->
                        cb.equal(root.get(AuditEvent_.organisationId), filter.organisationId()),
                filter.action() == null ? null : (root, query, cb) ->
                        cb.equal(root.get(AuditEvent_.action), AuditAction.valueOf(filter.action().name())),
                filter.resourceType() == null ? null : (root, query, cb) ->
                        cb.equal(root.get(AuditEvent_.resourceType), filter.resourceType()),
                filter.resourceId() == null ? null : (root, query, cb) ->
                        cb.equal(root.get(AuditEvent_.resourceId), filter.resourceId()),
                filter.from() == null ? null : (root, query, cb) ->
                        cb.greaterThanOrEqualTo(root.get(AuditEvent_.occurredAt), filter.from().toInstant()),
                filter.until() == null ? null : (root, query, cb) ->
                        cb.lessThan(root.get(AuditEvent_.occurredAt), filter.until().toInstant()));
        Sort newestFirst = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));
        return mapper.toPageDto(events.findAll(where, PageRequest.of(page, size, newestFirst)));
    }
}
