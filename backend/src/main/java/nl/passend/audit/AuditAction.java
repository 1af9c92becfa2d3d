package nl.passend.audit;

/** What an actor did to a resource. */
public enum AuditAction {
    CREATE,
    READ,
    UPDATE,
    DELETE,
    /** Retention erased what identifies a youth (done by the system, not a user). */
    ERASE
}
