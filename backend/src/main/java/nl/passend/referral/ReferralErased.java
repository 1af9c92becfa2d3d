package nl.passend.referral;

/**
 * Retention erased what identifies the youth of a referral; what other features keep of that youth (aftercare
 * contacts) must go too. Published inside the erasing transaction.
 */
public record ReferralErased(long referralId) {
}
