package nl.passend.solver;

/** How soon a youth needs a place; what an unplaced referral of each costs is in {@link MatchingWeights}. */
public enum Urgency {
    CRISIS,
    HIGH,
    NORMAL
}
