package nl.passend.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.domain.variable.descriptor.GenuineVariableDescriptor;
import org.optaplanner.core.impl.heuristic.move.CompositeMove;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import org.optaplanner.core.impl.heuristic.selector.move.generic.ChangeMove;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * Moves that make room: a referral goes to an offer and a youth placed there, or under the same contract, moves on to
 * another of its offers or out. Single change and swap moves cannot place a youth where an offer is full or a
 * contract spent without first breaking a hard rule; these do both halves in one move.
 */
public final class DisplacingMoveFactory implements MoveIteratorFactory<MatchingSolution, Move<MatchingSolution>> {

    /** How often to look for a youth placed where the move needs room before giving up on one. */
    private static final int TRIES = 40;

    /** Facts that do not change while solving: who is eligible for each offer, and under each contract. */
    private List<Referral> cachedFor;
    private List<Referral> movable;
    private Map<Offer, List<Referral>> eligibleAt;
    private Map<Contract, List<Referral>> eligibleUnder;

    @Override
    public long getSize(ScoreDirector<MatchingSolution> scoreDirector) {
        return (long) scoreDirector.getWorkingSolution().getReferrals().size() * 16;
    }

    @Override
    public Iterator<Move<MatchingSolution>> createOriginalMoveIterator(ScoreDirector<MatchingSolution> scoreDirector) {
        throw new UnsupportedOperationException("Displacing moves are selected at random only");
    }

    @Override
    public Iterator<Move<MatchingSolution>> createRandomMoveIterator(ScoreDirector<MatchingSolution> scoreDirector,
            Random random) {
        index(scoreDirector.getWorkingSolution().getReferrals());
        @SuppressWarnings("unchecked")
        GenuineVariableDescriptor<MatchingSolution> variable = ((InnerScoreDirector<MatchingSolution, ?>) scoreDirector)
                .getSolutionDescriptor().findEntityDescriptorOrFail(Referral.class).getGenuineVariableDescriptor("offer");
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !movable.isEmpty();
            }

            @Override
            public Move<MatchingSolution> next() {
                Referral referral = movable.get(random.nextInt(movable.size()));
                List<Offer> offers = referral.getEligibleOffers();
                Offer to = offers.get(random.nextInt(offers.size()));
                ChangeMove<MatchingSolution> first = new ChangeMove<>(variable, referral, to);
                boolean byOffer = random.nextBoolean();
                Contract contract = referral.contractAt(to);
                List<Referral> candidates = byOffer ? eligibleAt.get(to) : eligibleUnder.get(contract);
                Referral displaced = null;
                for (int i = 0; i < TRIES && candidates != null && !candidates.isEmpty(); i++) {
                    Referral candidate = candidates.get(random.nextInt(candidates.size()));
                    if (candidate != referral && (byOffer ? candidate.getOffer() == to
                            : contract.equals(candidate.getContract()))) {
                        displaced = candidate;
                        break;
                    }
                }
                if (displaced == null) {
                    return first;
                }
                Offer elsewhere = null;
                if (random.nextBoolean()) {
                    List<Offer> options = displaced.getEligibleOffers();
                    elsewhere = options.get(random.nextInt(options.size()));
                    if (elsewhere == displaced.getOffer()) {
                        elsewhere = null;
                    }
                }
                return CompositeMove.buildMove(first, new ChangeMove<>(variable, displaced, elsewhere));
            }
        };
    }

    private synchronized void index(List<Referral> referrals) {
        if (cachedFor == referrals) {
            return;
        }
        movable = new ArrayList<>();
        eligibleAt = new IdentityHashMap<>();
        eligibleUnder = new HashMap<>();
        for (Referral referral : referrals) {
            if (referral.isPinned() || referral.getEligibleOffers().isEmpty()) {
                continue;
            }
            movable.add(referral);
            for (Offer offer : referral.getEligibleOffers()) {
                eligibleAt.computeIfAbsent(offer, o -> new ArrayList<>()).add(referral);
                List<Referral> under = eligibleUnder.computeIfAbsent(referral.contractAt(offer), c -> new ArrayList<>());
                if (under.isEmpty() || under.get(under.size() - 1) != referral) {
                    under.add(referral);
                }
            }
        }
        cachedFor = referrals;
    }
}
