package nl.passend.benchmark;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.passend.solver.Contract;
import nl.passend.solver.MatchingSolution;
import nl.passend.solver.Offer;
import nl.passend.solver.Referral;

/**
 * What a placement table does by phone today: referrals in order of urgency, then the longest waiting first, each to
 * the nearest offer it is eligible for that has a free place, room under its contract's volume and budget, and no
 * co-defendant at that location. It never breaks a hard rule and never moves a youth once placed.
 */
public final class GreedyBaseline {

    private GreedyBaseline() {
    }

    /** Sets the offer of each open referral of the problem, in place, and returns it. */
    public static MatchingSolution solve(MatchingSolution problem) {
        Map<Offer, Integer> placedAt = new HashMap<>();
        Map<Contract, Integer> placedUnder = new HashMap<>();
        Map<Contract, Long> spentUnder = new HashMap<>();
        Set<String> groupAtLocation = new HashSet<>();
        for (Referral referral : problem.getReferrals()) {
            if (referral.getOffer() != null) {
                take(referral, placedAt, placedUnder, spentUnder, groupAtLocation);
            }
        }
        List<Referral> queue = problem.getReferrals().stream()
                .filter(referral -> !referral.isPinned() && referral.getOffer() == null)
                .sorted(Comparator.comparing(Referral::getUrgency)
                        .thenComparing(Comparator.comparingInt(Referral::getDaysWaiting).reversed())
                        .thenComparingLong(Referral::getId))
                .toList();
        for (Referral referral : queue) {
            List<Offer> nearestFirst = referral.getEligibleOffers().stream()
                    .sorted(Comparator.comparingLong((Offer offer) -> kilometres(referral, offer))
                            .thenComparingLong(Offer::id))
                    .toList();
            for (Offer offer : nearestFirst) {
                referral.setOffer(offer);
                Contract contract = referral.getContract();
                boolean room = placedAt.getOrDefault(offer, 0) < offer.capacity()
                        && (contract.volumeCeiling() == null
                                || placedUnder.getOrDefault(contract, 0) < contract.volumeCeiling())
                        && (contract.budgetCeilingCents() == null
                                || spentUnder.getOrDefault(contract, 0L) + referral.costCents()
                                        <= contract.budgetCeilingCents())
                        && (referral.getCoDefendantGroup() == null
                                || !groupAtLocation.contains(groupKey(referral)));
                if (room) {
                    take(referral, placedAt, placedUnder, spentUnder, groupAtLocation);
                    break;
                }
                referral.setOffer(null);
            }
        }
        return problem;
    }

    private static void take(Referral referral, Map<Offer, Integer> placedAt, Map<Contract, Integer> placedUnder,
            Map<Contract, Long> spentUnder, Set<String> groupAtLocation) {
        placedAt.merge(referral.getOffer(), 1, Integer::sum);
        placedUnder.merge(referral.getContract(), 1, Integer::sum);
        spentUnder.merge(referral.getContract(), referral.costCents(), Long::sum);
        if (referral.getCoDefendantGroup() != null) {
            groupAtLocation.add(groupKey(referral));
        }
    }

    private static String groupKey(Referral referral) {
        return referral.getCoDefendantGroup() + "@" + referral.getLocationId();
    }

    private static long kilometres(Referral referral, Offer offer) {
        Offer before = referral.getOffer();
        referral.setOffer(offer);
        long kilometres = referral.distanceKilometres();
        referral.setOffer(before);
        return kilometres;
    }
}
