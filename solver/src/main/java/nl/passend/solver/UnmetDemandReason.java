package nl.passend.solver;

/** Why a referral was left without a place: what purchasers act on. Checked in this order. */
public enum UnmetDemandReason {
    /** No offer anywhere fits the care type, security level, age, gender and specialisms. */
    NO_OFFER,
    /** Fitting offers exist, but no contract covers them for the youth's home municipality. */
    NO_CONTRACT,
    /** Contracted fitting offers exist, but their contracts' volume or budget is spent. */
    CEILING,
    /** The contracted fitting offers are all full. */
    NO_CAPACITY,
    /** Only offers in municipalities excluded for this youth fit. */
    EXCLUDED
}
