package nl.passend.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * The first phase of the engine: places referrals in order of what leaving them unplaced costs (the medium weight),
 * each at its cheapest offer that breaks no hard rule. When every offer it is eligible for is full, it looks for an
 * augmenting path: a youth placed at one of those offers who can move to another offer with room, or to a full offer
 * whose youth can move on, and so on, breadth first. Placing by weight with augmenting paths is exact for offer
 * capacities alone (the placeable sets form a transversal matroid); contract ceilings, budgets and co-defendants are
 * checked at every move, so it starts local search from a feasible solution close to the medium optimum, where the
 * plain construction heuristics left hundreds of youths unplaced who could have had a place.
 */
public final class MatchingConstruction implements CustomPhaseCommand<MatchingSolution> {

    /** How many moves one search for an augmenting path may look at, so that hopeless searches stay cheap. */
    static final int MOST_CHECKS_PER_SEARCH = 4_000;

    @Override
    public void changeWorkingSolution(ScoreDirector<MatchingSolution> director) {
        List<Referral> referrals = director.getWorkingSolution().getReferrals();
        Occupancy occupancy = new Occupancy(referrals);
        Map<Referral, Offer> before = new IdentityHashMap<>();
        referrals.forEach(referral -> before.put(referral, referral.getOffer()));

        List<Referral> queue = referrals.stream()
                .filter(referral -> !referral.isPinned() && referral.getOffer() == null
                        && !referral.getEligibleOffers().isEmpty())
                .sorted(Comparator.comparingLong(Referral::unplacedPoints).reversed()
                        .thenComparingInt(referral -> referral.getEligibleOffers().size())
                        .thenComparingLong(Referral::getId))
                .toList();
        // Offers and contracts from which a search found no path; valid until someone is placed.
        Set<Object> dead = new HashSet<>();
        for (Referral referral : queue) {
            List<Offer> cheapestFirst = referral.getEligibleOffers().stream()
                    .sorted(Comparator.comparingLong(referral::softPointsAt).thenComparingLong(Offer::id))
                    .toList();
            boolean placed = false;
            for (Offer offer : cheapestFirst) {
                if (occupancy.canMove(referral, offer)) {
                    occupancy.move(referral, offer);
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                placed = augment(occupancy, referral, cheapestFirst, dead);
            }
            if (placed) {
                dead.clear();
            }
        }

        // Tell the score director only now, once per referral that changed.
        for (Referral referral : referrals) {
            Offer chosen = occupancy.offerOf(referral);
            if (chosen != before.get(referral)) {
                referral.setOffer(before.get(referral));
                director.beforeVariableChanged(referral, "offer");
                referral.setOffer(chosen);
                director.afterVariableChanged(referral, "offer");
            }
        }
        director.triggerVariableListeners();
    }

    /**
     * One step of a path: who moves to which offer, and the step it came from; {@code full} is what the move lacks
     * room in, an offer or a contract, for the next step to free.
     */
    private record Step(Referral mover, Offer to, Step previous, Object full) {
    }

    /**
     * Breadth first from the referral's eligible offers: a step lacks room in one offer or one contract, and a youth
     * placed there moves on to make room, until a move has room everywhere.
     */
    private static boolean augment(Occupancy occupancy, Referral referral, List<Offer> options, Set<Object> dead) {
        ArrayDeque<Step> frontier = new ArrayDeque<>();
        Set<Object> seen = new HashSet<>();
        for (Offer offer : options) {
            Object full = occupancy.onlyFull(referral, offer);
            if (full != null && !dead.contains(full) && seen.add(full)) {
                frontier.add(new Step(referral, offer, null, full));
            }
        }
        int checks = 0;
        while (!frontier.isEmpty() && checks < MOST_CHECKS_PER_SEARCH) {
            Step step = frontier.poll();
            // A copy: a path that cannot be applied is undone, which reorders the lists.
            for (Referral occupant : List.copyOf(occupancy.occupantsOf(step.full()))) {
                for (Offer next : occupant.getEligibleOffers()) {
                    checks++;
                    if (next == occupancy.offerOf(occupant) || occupant.contractAt(next).equals(step.full())) {
                        continue;
                    }
                    if (occupancy.canMove(occupant, next)) {
                        if (apply(occupancy, new Step(occupant, next, step, null))) {
                            return true;
                        }
                        continue;
                    }
                    Object full = occupancy.onlyFull(occupant, next);
                    if (full != null && !dead.contains(full) && seen.add(full)) {
                        frontier.add(new Step(occupant, next, step, full));
                    }
                }
            }
        }
        if (frontier.isEmpty()) {
            dead.addAll(seen);
        }
        return false;
    }

    /** Moves everyone on the path, the last first, each into the place the next one left; undoes it all if one cannot. */
    private static boolean apply(Occupancy occupancy, Step last) {
        List<Referral> moved = new ArrayList<>();
        List<Offer> from = new ArrayList<>();
        for (Step step = last; step != null; step = step.previous()) {
            if (!occupancy.canMove(step.mover(), step.to())) {
                for (int i = moved.size() - 1; i >= 0; i--) {
                    occupancy.move(moved.get(i), from.get(i));
                }
                return false;
            }
            moved.add(step.mover());
            from.add(occupancy.offerOf(step.mover()));
            occupancy.move(step.mover(), step.to());
        }
        return true;
    }

    /** Who is placed where, and what each offer, contract and co-defendant group has taken: the hard rules' counts. */
    static final class Occupancy {

        private final Map<Referral, Offer> offerOf = new IdentityHashMap<>();
            /** The youths not pinned, by the offer and by the contract they are placed at. */
        private final Map<Object, List<Referral>> movable = new HashMap<>();
        private final Map<Offer, Integer> placedAt = new HashMap<>();
        private final Map<Contract, Integer> placedUnder = new HashMap<>();
        private final Map<Contract, Long> spentUnder = new HashMap<>();
        private final Map<String, Integer> groupAt = new HashMap<>();

        Occupancy(List<Referral> referrals) {
            for (Referral referral : referrals) {
                if (referral.getOffer() != null) {
                    take(referral, referral.getOffer());
                }
            }
        }

        Offer offerOf(Referral referral) {
            return offerOf.get(referral);
        }

        /** The youths who could move to make room at an offer or under a contract. */
        List<Referral> occupantsOf(Object offerOrContract) {
            return movable.getOrDefault(offerOrContract, List.of());
        }

        /**
         * What alone keeps the referral from moving to the offer: the offer, when it is full, or the contract, when
         * its volume or budget is spent; {@code null} when nothing does, or more than one thing, or a co-defendant.
         */
        Object onlyFull(Referral referral, Offer to) {
            if (to == offerOf(referral) || !canMoveIfRoom(referral, to, true)) {
                return null;
            }
            boolean contractRoom = canMoveIfRoom(referral, to, false);
            if (hasRoom(to)) {
                return contractRoom ? null : referral.contractAt(to);
            }
            return contractRoom ? to : null;
        }

        boolean hasRoom(Offer offer) {
            return placedAt.getOrDefault(offer, 0) < offer.capacity();
        }

        /** Whether the referral can move to the offer (or out, to {@code null}) without breaking a hard rule. */
        boolean canMove(Referral referral, Offer to) {
            return to == null || to == offerOf(referral) || (hasRoom(to) && canMoveIfRoom(referral, to, false));
        }

        /**
         * Whether the move would break no hard rule but, perhaps, the offer's capacity, and the contract's ceilings
         * when {@code ignoreContract}.
         */
        boolean canMoveIfRoom(Referral referral, Offer to, boolean ignoreContract) {
            Offer from = offerOf(referral);
            if (to == from) {
                return false;
            }
            Contract contract = referral.contractAt(to);
            if (!ignoreContract && (from == null || !contract.equals(referral.contractAt(from)))) {
                if (contract.volumeCeiling() != null
                        && placedUnder.getOrDefault(contract, 0) >= contract.volumeCeiling()) {
                    return false;
                }
                long spent = spentUnder.getOrDefault(contract, 0L);
                if (budgetPoints(contract, spent + referral.costCentsAt(to)) > budgetPoints(contract, spent)) {
                    return false;
                }
            }
            if (referral.getCoDefendantGroup() != null) {
                int together = groupAt.getOrDefault(groupKey(referral, to), 0);
                boolean alreadyThere = from != null && from.locationId() == to.locationId();
                return together - (alreadyThere ? 1 : 0) == 0;
            }
            return true;
        }

        void move(Referral referral, Offer to) {
            Offer from = offerOf(referral);
            if (from != null) {
                release(referral, from);
            }
            if (to != null) {
                take(referral, to);
            }
        }

        private void take(Referral referral, Offer offer) {
            offerOf.put(referral, offer);
            if (!referral.isPinned()) {
                movable.computeIfAbsent(offer, o -> new ArrayList<>()).add(referral);
                movable.computeIfAbsent(referral.contractAt(offer), c -> new ArrayList<>()).add(referral);
            }
            Contract contract = referral.contractAt(offer);
            placedAt.merge(offer, 1, Integer::sum);
            placedUnder.merge(contract, 1, Integer::sum);
            spentUnder.merge(contract, referral.costCentsAt(offer), Long::sum);
            if (referral.getCoDefendantGroup() != null) {
                groupAt.merge(groupKey(referral, offer), 1, Integer::sum);
            }
        }

        private void release(Referral referral, Offer offer) {
            offerOf.remove(referral);
            Contract contract = referral.contractAt(offer);
            if (!referral.isPinned()) {
                movable.get(offer).remove(referral);
                movable.get(contract).remove(referral);
            }
            placedAt.merge(offer, -1, Integer::sum);
            placedUnder.merge(contract, -1, Integer::sum);
            spentUnder.merge(contract, -referral.costCentsAt(offer), Long::sum);
            if (referral.getCoDefendantGroup() != null) {
                groupAt.merge(groupKey(referral, offer), -1, Integer::sum);
            }
        }

        /** The hard points of a contract's budget at this spending: per started thousand euros over. */
        private static long budgetPoints(Contract contract, long spentCents) {
            if (contract.budgetCeilingCents() == null || spentCents <= contract.budgetCeilingCents()) {
                return 0;
            }
            return (spentCents - contract.budgetCeilingCents() + MatchingConstraints.BUDGET_STEP_CENTS - 1)
                    / MatchingConstraints.BUDGET_STEP_CENTS;
        }

        private static String groupKey(Referral referral, Offer offer) {
            return referral.getCoDefendantGroup() + "@" + offer.locationId();
        }
    }
}
