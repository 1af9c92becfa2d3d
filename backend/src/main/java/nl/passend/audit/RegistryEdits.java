package nl.passend.audit;

import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.shared.Deletion;
import nl.passend.shared.StaleVersionException;
import nl.passend.shared.Versioned;

/**
 * The one way to create, change or delete a row of the registry (organisations, providers, locations, offers,
 * contracts, users): the version check, the flush that makes a broken constraint a 409 now rather than a failed
 * commit later, and the audit event, in the caller's transaction so that the event is written if and only if the
 * edit is. What the edit checks and changes stays with each feature.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class RegistryEdits {

    private final AuditTrail audit;

    RegistryEdits(AuditTrail audit) {
        this.audit = audit;
    }

    /** Saves a new row, already filled in and checked, and records its creation. */
    public <E extends Versioned, D> D create(JpaRepository<E, Long> repository, String resource, E created,
            Function<E, D> toDto) {
        E saved = repository.saveAndFlush(created);
        D dto = toDto.apply(saved);
        audit.record(AuditAction.CREATE, resource, saved.getId());
        return dto;
    }

    /**
     * Changes a row if the client read its current version, and records the change.
     *
     * @param version the version the client sent; none, or an old one, is refused before anything changes
     */
    public <E extends Versioned, D> D update(JpaRepository<E, Long> repository, String resource, E row, Long version,
            Consumer<E> change, Function<E, D> toDto) {
        StaleVersionException.requireCurrent(resource, row.getId(), row.getVersion(), version);
        change.accept(row);
        D dto = toDto.apply(repository.saveAndFlush(row));
        audit.record(AuditAction.UPDATE, resource, row.getId());
        return dto;
    }

    /**
     * Deletes a row that nothing refers to any more, and records the deletion.
     *
     * @param referrers what can still refer to it, such as "offers", to say what to delete first
     */
    public <E extends Versioned> void delete(JpaRepository<E, Long> repository, String resource, E row,
            String referrers) {
        long id = row.getId();
        String description = Character.toUpperCase(resource.charAt(0)) + resource.substring(1) + " " + id;
        Deletion.deleteUnreferenced(repository, row, description, referrers);
        audit.record(AuditAction.DELETE, resource, id);
    }
}
