package nl.passend.solver;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Classifies why referrals were left without a place in a solved matching. */
public final class UnmetDemand {

    private UnmetDemand() {
    }

    /** The reason for each referral without an offer in the solution, by referral id. */
    public static Map<Long, UnmetDemandReason> classify(MatchingSolution solution) {
        Map<Contract, Long> placedUnder = solution.getReferrals().stream().filter(r -> r.getOffer() != null)
                .collect(Collectors.groupingBy(Referral::getContract, Collectors.counting()));
        Map<Contract, Long> spentUnder = solution.getReferrals().stream().filter(r -> r.getOffer() != null)
                .collect(Collectors.groupingBy(Referral::getContract, Collectors.summingLong(Referral::costCents)));
        Map<Offer, Long> placedAt = solution.getReferrals().stream().filter(r -> r.getOffer() != null)
                .collect(Collectors.groupingBy(Referral::getOffer, Collectors.counting()));

        return solution.getReferrals().stream()
                .filter(referral -> referral.getOffer() == null && referral.getDemand() != null)
                .collect(Collectors.toMap(Referral::getId, referral -> reason(referral.getDemand(),
                        solution.getOffers(), solution.getContracts(), placedUnder, spentUnder, placedAt)));
    }

    static UnmetDemandReason reason(Demand demand, List<Offer> offers, List<Contract> contracts,
            Map<Contract, Long> placedUnder, Map<Contract, Long> spentUnder, Map<Offer, Long> placedAt) {
        List<Offer> fitting = offers.stream().filter(offer -> Eligibility.fits(demand, offer)).toList();
        if (fitting.isEmpty()) {
            return UnmetDemandReason.NO_OFFER;
        }
        List<Offer> contracted = fitting.stream()
                .filter(offer -> Eligibility.contractFor(demand, offer, contracts).isPresent()).toList();
        if (contracted.isEmpty()) {
            return UnmetDemandReason.NO_CONTRACT;
        }
        List<Offer> withinCeilings = contracted.stream().filter(offer -> {
            Contract contract = Eligibility.contractFor(demand, offer, contracts).orElseThrow();
            boolean volumeLeft = contract.volumeCeiling() == null
                    || placedUnder.getOrDefault(contract, 0L) < contract.volumeCeiling();
            long cost = contract.costCents(demand.careType(), demand.expectedDurationDays());
            boolean budgetLeft = contract.budgetCeilingCents() == null
                    || spentUnder.getOrDefault(contract, 0L) + cost <= contract.budgetCeilingCents();
            return volumeLeft && budgetLeft;
        }).toList();
        if (withinCeilings.isEmpty()) {
            return UnmetDemandReason.CEILING;
        }
        List<Offer> withRoom = withinCeilings.stream()
                .filter(offer -> placedAt.getOrDefault(offer, 0L) < offer.capacity()).toList();
        if (withRoom.isEmpty()) {
            return UnmetDemandReason.NO_CAPACITY;
        }
        if (withRoom.stream().allMatch(offer -> Eligibility.excluded(demand, offer))) {
            return UnmetDemandReason.EXCLUDED;
        }
        // A free, contracted place existed but the solver used it better elsewhere (say, for a co-defendant).
        return UnmetDemandReason.NO_CAPACITY;
    }
}
