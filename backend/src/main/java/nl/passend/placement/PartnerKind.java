package nl.passend.placement;

/** The local partners who prepare a youth's return home. */
enum PartnerKind {
    NEIGHBOURHOOD_TEAM,
    POLICE,
    SCHOOL_OR_WORK,
    HOUSING,
    CARE_PROVIDER,
    OTHER
}
