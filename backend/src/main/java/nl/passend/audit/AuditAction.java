package nl.passend.audit;

/** What an actor did to a resource. */
public enum AuditAction {
    CREATE,
    READ,
    UPDATE,
    DELETE
}
