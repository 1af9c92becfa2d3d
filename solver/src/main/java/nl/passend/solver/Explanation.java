package nl.passend.solver;

import java.util.List;

/**
 * Why a referral got the place it got, in plain words: the chosen offer and its score terms, the best alternatives
 * and why each lost, and the offers near home it was not eligible for with the first rule each fails. For a referral
 * left without a place: the reason and what would have been needed.
 */
public record Explanation(long referralId, Chosen chosen, List<OfferNote> alternatives, List<OfferNote> notEligible,
        UnmetDemandReason unmetReason, String summary) {

    /** The chosen offer and what it costs in each soft term of the score. */
    public record Chosen(long offerId, long distanceKilometres, int extraSecurityLevels, long tariffPoints,
            String text) {
    }

    /** An offer and, in words, why it was not the one. */
    public record OfferNote(long offerId, long distanceKilometres, String text) {
    }
}
