package nl.passend.referral;

/**
 * How soon a youth needs a place. In matching it weighs a referral left without one: CRISIS 4, HIGH 2, NORMAL 1 by
 * default (DESIGN.md, Matching).
 */
public enum Urgency {
    CRISIS,
    HIGH,
    NORMAL
}
