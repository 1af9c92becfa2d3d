package nl.passend.placement;

/** Why a provider declines a youth: coded, so that the region can count them. */
enum DeclineReason {
    NO_FITTING_OFFER,
    AGE,
    ADULT_IN_GROUP_OF_MINORS,
    IQ_OUTSIDE_TARGET_GROUP,
    GROUP_COMPOSITION,
    LACK_OF_MOTIVATION,
    CAPACITY_FULL,
    FUNDING_UNCLEAR,
    OTHER
}
