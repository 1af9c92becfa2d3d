package nl.passend.organisation;

/** What kind of party an organisation is; it decides which roles its users can have. */
public enum OrganisationType {
    MUNICIPALITY,
    YOUTH_PROBATION,
    CHILD_PROTECTION_BOARD,
    PUBLIC_PROSECUTOR,
    POLICE,
    SAFETY_HOUSE,
    ADULT_PROBATION,
    CARE_PROVIDER,
    REGIONAL_PURCHASING
}
