package nl.passend.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the planning problem from a scope's supply and demand: each open referral gets the offers it is eligible
 * for, each existing placement is pinned to its offer.
 */
public final class MatchingProblem {

    /** A placement that is accepted or started: it keeps its offer and contract. */
    public record ExistingPlacement(Demand demand, long offerId, long contractId) {
    }

    private MatchingProblem() {
    }

    public static MatchingSolution of(List<Offer> offers, List<Contract> contracts, List<Demand> open,
            List<ExistingPlacement> existing, MatchingWeights weights) {
        Map<Long, Offer> offerById = new LinkedHashMap<>();
        offers.forEach(offer -> offerById.put(offer.id(), offer));
        Map<Long, Contract> contractById = new LinkedHashMap<>();
        contracts.forEach(contract -> contractById.put(contract.id(), contract));

        // Only a contract of the offer's provider can pay for it: looking there alone keeps large regions fast.
        Map<Long, List<Contract>> contractsByProvider = new LinkedHashMap<>();
        contracts.forEach(contract -> contractsByProvider
                .computeIfAbsent(contract.providerId(), provider -> new ArrayList<>()).add(contract));

        List<Referral> referrals = new ArrayList<>();
        for (ExistingPlacement placement : existing) {
            Offer offer = offerById.get(placement.offerId());
            Contract contract = contractById.get(placement.contractId());
            Referral referral = new Referral(placement.demand(), weights, Map.of(offer.id(), contract), List.of(offer));
            referrals.add(Referral.pinned(referral, offer));
        }
        for (Demand demand : open) {
            Map<Long, Contract> contractByOffer = new LinkedHashMap<>();
            List<Offer> eligible = new ArrayList<>();
            for (Offer offer : offers) {
                if (Eligibility.fits(demand, offer) && !Eligibility.excluded(demand, offer)) {
                    Optional<Contract> contract = Eligibility.contractFor(demand, offer,
                            contractsByProvider.getOrDefault(offer.providerId(), List.of()));
                    if (contract.isPresent()) {
                        eligible.add(offer);
                        contractByOffer.put(offer.id(), contract.get());
                    }
                }
            }
            referrals.add(new Referral(demand, weights, contractByOffer, eligible));
        }
        return new MatchingSolution(offers, contracts, referrals);
    }
}
