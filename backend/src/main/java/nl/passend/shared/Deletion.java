package nl.passend.shared;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.repository.JpaRepository;

/** Deletes what nothing refers to any more, and explains a refusal when something still does. */
public final class Deletion {

    private Deletion() {
    }

    /**
     * Deletes the entity and flushes at once, so that a remaining reference is refused now, as a 409, rather than as
     * a failed commit later.
     *
     * @param description how the client knows the entity, such as "Location 12"
     * @param referrers what can still refer to it, such as "offers"
     */
    public static <T> void deleteUnreferenced(JpaRepository<T, ?> repository, T entity, String description,
            String referrers) {
        try {
            repository.delete(entity);
            repository.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(description + " still has " + referrers
                    + " and cannot be deleted; delete those first, or deactivate it instead.");
        }
    }
}
