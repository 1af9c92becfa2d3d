package nl.passend.solver;

import java.util.List;

/**
 * Why a referral got the place it got, as phrases to be worded in the reader's language: the chosen offer and its
 * score terms, the best alternatives and why each lost, and the offers near home it was not eligible for with the
 * first rule each fails. For a referral left without a place: the reason and what would have been needed.
 *
 * @param summary the sentences that say it in short, in order
 */
public record Explanation(long referralId, Chosen chosen, List<OfferNote> alternatives, List<OfferNote> notEligible,
        UnmetDemandReason unmetReason, List<Phrase> summary) {

    /** The chosen offer and what it costs in each soft term of the score. */
    public record Chosen(long offerId, long distanceKilometres, int extraSecurityLevels, long tariffPoints,
            Phrase text) {
    }

    /** An offer and why it was not the one. */
    public record OfferNote(long offerId, long distanceKilometres, Phrase text) {
    }
}
