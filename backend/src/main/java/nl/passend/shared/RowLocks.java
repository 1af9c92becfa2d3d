package nl.passend.shared;

import java.util.Optional;
import java.util.function.LongFunction;

import org.springframework.stereotype.Component;

import jakarta.persistence.EntityManager;

/**
 * The one way to lock a row for the rest of the transaction: read it with the repository's
 * {@code PESSIMISTIC_WRITE} query, then refresh it. Callers that lock several rows do so in one order (referral,
 * offer, contract; see the placement service), so that two transactions never wait for each other's lock.
 */
@Component
public class RowLocks {

    private final EntityManager entityManager;

    RowLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The row with this id, if it still exists, locked until the transaction ends and read after the lock.
     *
     * @param forUpdate the repository's locking query, such as {@code findByIdForUpdate}
     */
    public <T> Optional<T> find(LongFunction<Optional<T>> forUpdate, long id) {
        Optional<T> row = forUpdate.apply(id);
        // Loaded earlier in this transaction, the instance still holds what was read before the lock.
        row.ifPresent(entityManager::refresh);
        return row;
    }

    /** The row a request names in {@code field}, locked as by {@link #find}; an unknown id is the request's fault. */
    public <T> T require(LongFunction<Optional<T>> forUpdate, String field, String resource, long id) {
        return find(forUpdate, id).orElseThrow(() -> InvalidRequestException.unknown(field, resource, id));
    }
}
