package nl.passend.organisation;

/**
 * The users of an organisation, as an edit of the organisation must respect them. The user feature answers (it knows
 * the accounts and which roles need which type of organisation), so that this feature need not depend on it.
 */
public interface OrganisationMembers {

    /**
     * Refuses, with a {@link nl.passend.shared.ConflictException}, a change of the organisation that would strand its
     * users: a new type that a role its users hold cannot work for, or deactivating the organisation of the last
     * active administrator. Called before the change is made.
     */
    void checkChange(Organisation organisation, OrganisationType newType, boolean newActive);
}
