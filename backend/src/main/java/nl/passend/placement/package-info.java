/** Placements: a place proposed for a referral, answered by the provider's intake, started and ended. */
package nl.passend.placement;
