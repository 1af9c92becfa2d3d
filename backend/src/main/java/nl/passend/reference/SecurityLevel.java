package nl.passend.reference;

/** How restrictive a setting is, from ambulant care to a judicial youth institution; the order is the point. */
public enum SecurityLevel {
    AMBULANT,
    OPEN,
    SEMI_SECURE,
    SECURE,
    JUSTICE;

    /** The number stored in the database and compared by the matching rules: 0 is least restrictive. */
    public int level() {
        return ordinal();
    }

    public static SecurityLevel ofLevel(int level) {
        return values()[level];
    }
}
