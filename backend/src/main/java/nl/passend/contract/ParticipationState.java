package nl.passend.contract;

/** Whether a municipality has consented to take part in a contract; only a confirmed one is a party to it. */
public enum ParticipationState {
    /** Listed by the contract, not yet consented to: covers none of its youths, blocks none of its contracts. */
    PENDING,
    /** Consented to, by a mandate to the lead municipality or by a purchaser of the municipality itself. */
    CONFIRMED,
    /** Refused by a purchaser of the municipality; a later confirmation still makes it a party. */
    DECLINED
}
