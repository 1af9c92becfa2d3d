package nl.passend.reference;

/** The genders an offer accepts and a youth can have; X is the Dutch passport's third option. */
public enum Gender {
    MALE,
    FEMALE,
    X
}
