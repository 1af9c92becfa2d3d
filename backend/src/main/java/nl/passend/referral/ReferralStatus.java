package nl.passend.referral;

import java.util.EnumSet;
import java.util.Set;

/** Where a referral stands; it follows its placements until care has ended or the referral is closed. */
public enum ReferralStatus {
    OPEN,
    PROPOSED,
    ACCEPTED,
    IN_CARE,
    COMPLETED,
    WITHDRAWN,
    CANCELLED;

    /** A referral can be withdrawn or cancelled until care starts. */
    static final Set<ReferralStatus> CLOSABLE = EnumSet.of(OPEN, PROPOSED, ACCEPTED);
}
