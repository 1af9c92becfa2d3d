package nl.passend.referral;

/** How soon a youth needs a place. */
public enum Urgency {
    CRISIS,
    HIGH,
    NORMAL
}
