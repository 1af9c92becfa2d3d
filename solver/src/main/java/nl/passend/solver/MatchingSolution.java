package nl.passend.solver;

import java.util.List;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** One matching problem: the offers and contracts of a scope, and the referrals and placements to match. */
@PlanningSolution(solutionCloner = MatchingSolutionCloner.class)
public class MatchingSolution {

    @ProblemFactCollectionProperty
    private List<Offer> offers;

    @ProblemFactCollectionProperty
    private List<Contract> contracts;

    @PlanningEntityCollectionProperty
    private List<Referral> referrals;

    @PlanningScore
    private HardMediumSoftLongScore score;

    /** How far the answer may be from the optimum, as the engine proved it; set on its answer, not a planning fact. */
    private ScoreBound bound = ScoreBound.NONE;

    /** For OptaPlanner's cloning. */
    MatchingSolution() {
    }

    public MatchingSolution(List<Offer> offers, List<Contract> contracts, List<Referral> referrals) {
        this.offers = offers;
        this.contracts = contracts;
        this.referrals = referrals;
    }

    public List<Offer> getOffers() {
        return offers;
    }

    public List<Contract> getContracts() {
        return contracts;
    }

    public List<Referral> getReferrals() {
        return referrals;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }

    public ScoreBound getBound() {
        return bound;
    }

    public void setBound(ScoreBound bound) {
        this.bound = bound;
    }
}
