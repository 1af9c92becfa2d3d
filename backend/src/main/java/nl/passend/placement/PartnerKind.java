package nl.passend.placement;

/** The local partners who prepare a youth's return home (DESIGN.md, Outcome: aftercare plan). */
enum PartnerKind {
    /** The municipality's wijkteam or sociaal team. */
    NEIGHBOURHOOD_TEAM,
    POLICE,
    SCHOOL_OR_WORK,
    HOUSING,
    CARE_PROVIDER,
    OTHER
}
