package nl.passend.security;

/** What a user does in the region; each role sees and changes only what it needs. */
public enum Role {
    /** Youth probation, Child Protection Board and public prosecutor: refer youths of their own organisation. */
    PROBATION_OFFICER,
    /** A provider's intake desk: keeps its own locations, offers and capacity, answers proposals. */
    PROVIDER_INTAKE,
    /** A municipality's purchaser: keeps the contracts in which the municipality takes part. */
    PURCHASER,
    /** A regional planner: runs matching and reads aggregate reports, never a person. */
    PLANNER,
    /** Keeps organisations and users and reads the audit trail. */
    ADMIN;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
