/** Demand: youths known by pseudonym only, their referrals for forensic care and each referral's status history. */
package nl.passend.referral;
