package nl.passend.referral;

/** A referral was withdrawn or cancelled: whatever was proposed for it must end. Published inside the transaction. */
public record ReferralClosed(long referralId, ReferralStatus status, String reason) {
}
