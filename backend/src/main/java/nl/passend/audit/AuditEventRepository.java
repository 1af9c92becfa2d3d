package nl.passend.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/** Only appends and reads: the trail offers no way to change or delete an event. */
interface AuditEventRepository extends Repository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

    AuditEvent save(AuditEvent event);

    /**
     * The events that meet every filter given ({@code null}: any), from {@code from} up to but not including
     * {@code until}; newest first, and the id breaks ties, since a database may store whole seconds only.
     */
    default Page<AuditEvent> search(AuditTrail.Filter filter, int page, int size) {
        return findAll(Specification.allOf(
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
                        cb.lessThan(root.get(AuditEvent_.occurredAt), filter.until().toInstant())),
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"))));
    }
}
