package nl.passend.organisation;

/** What kind of party an organisation is; it decides which roles its users can have. */
public enum OrganisationType {
    /** A gemeente, tied to its CBS code: its purchasers keep the contracts in which it takes part. */
    MUNICIPALITY,
    /** Jeugdreclassering. */
    YOUTH_PROBATION,
    /** Raad voor de Kinderbescherming. */
    CHILD_PROTECTION_BOARD,
    /** Openbaar Ministerie (OM). */
    PUBLIC_PROSECUTOR,
    POLICE,
    /** Zorg- en Veiligheidshuis. */
    SAFETY_HOUSE,
    /** Reclassering. */
    ADULT_PROBATION,
    /** Registered as a provider too (ProviderService), whose locations and offers its intake users keep. */
    CARE_PROVIDER,
    /** The joint purchasing of a youth region; its users can be planners. */
    REGIONAL_PURCHASING
}
