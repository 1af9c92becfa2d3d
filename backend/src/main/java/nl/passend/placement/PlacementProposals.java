package nl.passend.placement;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.contract.Contract;
import nl.passend.contract.ContractService;
import nl.passend.offer.Offer;
import nl.passend.offer.OfferService;
import nl.passend.referral.Referral;
import nl.passend.referral.ReferralService;
import nl.passend.shared.Refusal;

/**
 * What matching needs of placements: the places held now, and proposals made from a matching run's result. A
 * proposal here follows the same rules and locks as one requested through the API, but answers why it could not be
 * made instead of refusing the whole request, so that a run's other proposals still go through.
 */
@Service
@Transactional
public class PlacementProposals {

    /** A place that a placement holds or held. */
    public record HeldPlace(Referral referral, Offer offer, Contract contract) {
    }

    /** A proposal made, or the reason it could not be. */
    public record Outcome(Long placementId, Refusal refusal) {
    }

    private final PlacementRepository placements;
    private final PlacementService placementService;
    private final ReferralService referrals;
    private final OfferService offers;
    private final ContractService contracts;

    PlacementProposals(PlacementRepository placements, PlacementService placementService, ReferralService referrals,
            OfferService offers, ContractService contracts) {
        this.placements = placements;
        this.placementService = placementService;
        this.referrals = referrals;
        this.offers = offers;
        this.contracts = contracts;
    }

    /** The places held now: proposed, accepted or started. */
    @Transactional(readOnly = true)
    public List<HeldPlace> heldPlaces() {
        return places(PlacementStatus.HOLDING_A_PLACE);
    }

    /** The places that were held and have ended: their cost is spent from their contract's budget. */
    @Transactional(readOnly = true)
    public List<HeldPlace> endedPlaces() {
        return places(Set.of(PlacementStatus.ENDED));
    }

    private List<HeldPlace> places(Set<PlacementStatus> statuses) {
        return placements.findByStatusIn(statuses).stream()
                .map(placement -> new HeldPlace(placement.getReferral(), placement.getOffer(),
                        placement.getContract()))
                .toList();
    }

    /** Proposes the offer under the contract for the referral, if every rule and the room still allow it. */
    public Outcome propose(long referralId, long offerId, long contractId) {
        // The lock order of RowLocks, as PlacementService.propose takes it: referral, offer, contract.
        Referral referral = referrals.requireLocked("referralId", referralId);
        Offer offer = offers.requireLocked("offerId", offerId);
        Contract contract = contracts.requireLocked("contractId", contractId);
        return placementService.refusal(referral, offer, contract).map(reason -> new Outcome(null, reason))
                .orElseGet(() -> new Outcome(placementService.place(referral, offer, contract).getId(), null));
    }
}
