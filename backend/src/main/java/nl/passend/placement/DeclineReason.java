package nl.passend.placement;

/**
 * Why a provider declines a youth: coded, so that the region can count them. These are the reasons providers give in
 * practice (reference/ijw-codes.md), not iJw's WJ759, which lists a municipality's reasons to refuse a request.
 */
enum DeclineReason {
    NO_FITTING_OFFER,
    AGE,
    ADULT_IN_GROUP_OF_MINORS,
    IQ_OUTSIDE_TARGET_GROUP,
    GROUP_COMPOSITION,
    LACK_OF_MOTIVATION,
    CAPACITY_FULL,
    FUNDING_UNCLEAR,
    /** Needs a note that says why (DESIGN.md, Outcome: "other + text"). */
    OTHER
}
