/**
 * Matching runs: the open referrals of a scope matched to the region's supply by the solver module in the background,
 * their result applied as proposed placements, and the explanation of each referral's outcome for its officer.
 */
package nl.passend.matching;
