package nl.passend.referral;

/**
 * The justice framework that care is part of; Dutch names, as courts and probation use them (the frameworks of
 * reference/ijw-codes.md).
 */
public enum LegalFramework {
    /** Pre-trial detention suspended on special conditions, such as residential care. */
    SCHORSING_VOORLOPIGE_HECHTENIS,
    /** Youth detention, conditional or not. */
    JEUGDDETENTIE,
    /** Placement in a youth institution (plaatsing in een inrichting voor jeugdigen), conditional or not. */
    PIJ,
    /** Gedragsbeïnvloedende maatregel: a behaviour-influencing measure. */
    GBM,
    /** Youth probation. */
    JEUGDRECLASSERING,
    /** A civil authorisation for secure youth care (Jeugdwet), not a criminal sanction. */
    MACHTIGING_GESLOTEN_JEUGDHULP,
    /** Aftercare. */
    NAZORG
}
