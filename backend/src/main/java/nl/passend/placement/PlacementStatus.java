package nl.passend.placement;

import java.util.EnumSet;
import java.util.Set;

/** PROPOSED → ACCEPTED | DECLINED; ACCEPTED → STARTED → ENDED; PROPOSED or ACCEPTED → WITHDRAWN with its referral. */
enum PlacementStatus {
    PROPOSED,
    ACCEPTED,
    DECLINED,
    STARTED,
    ENDED,
    WITHDRAWN;

    /**
     * The statuses in which a placement holds a place at its offer and under its contract (DESIGN.md, Supply: free
     * places are the total less the proposed, accepted or started placements).
     */
    static final Set<PlacementStatus> HOLDING_A_PLACE = EnumSet.of(PROPOSED, ACCEPTED, STARTED);

    /** The statuses in which the provider has committed the place. */
    static final Set<PlacementStatus> COMMITTED = EnumSet.of(ACCEPTED, STARTED);
}
