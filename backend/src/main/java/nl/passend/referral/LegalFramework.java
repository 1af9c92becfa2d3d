package nl.passend.referral;

/** The justice framework that care is part of; Dutch names, as courts and probation use them. */
public enum LegalFramework {
    SCHORSING_VOORLOPIGE_HECHTENIS,
    JEUGDDETENTIE,
    PIJ,
    GBM,
    JEUGDRECLASSERING,
    MACHTIGING_GESLOTEN_JEUGDHULP,
    NAZORG
}
