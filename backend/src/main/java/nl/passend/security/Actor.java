package nl.passend.security;

/**
 * The authenticated caller: who, in which role, for which organisation. Every access rule and every audit event
 * starts from it.
 */
public record Actor(String username, Role role, long organisationId) {

    public boolean is(Role other) {
        return role == other;
    }

    public boolean belongsTo(long organisation) {
        return organisationId == organisation;
    }
}
