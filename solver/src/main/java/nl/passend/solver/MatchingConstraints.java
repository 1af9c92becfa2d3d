package nl.passend.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;
import static org.optaplanner.core.api.score.stream.Joiners.equal;
import static org.optaplanner.core.api.score.stream.Joiners.lessThan;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

/**
 * The default score of DESIGN.md, "Matching", in one place; its weights are each referral's {@link MatchingWeights}.
 * Pinned placements count in every term like any other.
 */
public class MatchingConstraints implements ConstraintProvider {

    /** One hard point per started thousand euros over a budget. */
    static final long BUDGET_STEP_CENTS = 1_000_00;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            offerCapacity(factory),
            contractVolume(factory),
            contractBudget(factory),
            coDefendantsTogether(factory),
            unplacedReferral(factory),
            distanceFromHome(factory),
            extraSecurity(factory),
            tariff(factory)
        };
    }

    /** An offer gives no more places than it has: one hard point per place over. */
    Constraint offerCapacity(ConstraintFactory factory) {
        return factory.forEach(Referral.class)
                .groupBy(Referral::getOffer, count())
                .filter((offer, placed) -> placed > offer.capacity())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (offer, placed) -> placed - offer.capacity())
                .asConstraint("Offer capacity");
    }

    /** A contract pays for no more placements at once than its volume ceiling: one hard point per placement over. */
    Constraint contractVolume(ConstraintFactory factory) {
        return factory.forEach(Referral.class)
                .groupBy(Referral::getContract, count())
                .filter((contract, placed) -> contract.volumeCeiling() != null && placed > contract.volumeCeiling())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        (contract, placed) -> placed - contract.volumeCeiling())
                .asConstraint("Contract volume ceiling");
    }

    /** A contract's placements cost no more than its budget: one hard point per started thousand euros over. */
    Constraint contractBudget(ConstraintFactory factory) {
        return factory.forEach(Referral.class)
                .groupBy(Referral::getContract, sumLong(Referral::costCents))
                .filter((contract, cost) -> contract.budgetCeilingCents() != null
                        && cost > contract.budgetCeilingCents())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (contract, cost) ->
                        (cost - contract.budgetCeilingCents() + BUDGET_STEP_CENTS - 1) / BUDGET_STEP_CENTS)
                .asConstraint("Contract budget ceiling");
    }

    /**
     * Co-defendants are not placed at one location: one hard point per pair. Referrals without a group are left out
     * before the join, not after it: otherwise every two of them at one location would be a pair to filter.
     */
    Constraint coDefendantsTogether(ConstraintFactory factory) {
        return factory.forEach(Referral.class)
                .filter(referral -> referral.getCoDefendantGroup() != null)
                .join(factory.forEach(Referral.class).filter(referral -> referral.getCoDefendantGroup() != null),
                        equal(Referral::getCoDefendantGroup), equal(Referral::getLocationId),
                        lessThan(Referral::getId))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("Co-defendants at one location");
    }

    /** A referral left without a place costs its urgency weight times (7 + days waiting), on the medium level. */
    Constraint unplacedReferral(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Referral.class)
                .filter(referral -> referral.getOffer() == null)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Referral::unplacedPoints)
                .asConstraint("Unplaced referral");
    }

    /** Close to home: the whole kilometres from the home municipality's centroid to the offer. */
    Constraint distanceFromHome(ConstraintFactory factory) {
        return factory.forEach(Referral.class)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Referral::distanceKilometres)
                .asConstraint("Distance from home");
    }

    /** Least restrictive placement: 50 per security level above the minimum. */
    Constraint extraSecurity(ConstraintFactory factory) {
        return factory.forEach(Referral.class)
                .filter(referral -> referral.getOffer().securityLevel() > referral.getMinSecurityLevel())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, referral -> referral.getWeights()
                        .extraSecurity(referral.getOffer().securityLevel() - referral.getMinSecurityLevel()))
                .asConstraint("Security above the minimum");
    }

    /** Cheaper care where it fits as well: the daily tariff in whole euros divided by 20, rounded down. */
    Constraint tariff(ConstraintFactory factory) {
        return factory.forEach(Referral.class)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, referral -> referral.getWeights()
                        .tariff(referral.getContract().dailyTariffCents(referral.getCareType())))
                .asConstraint("Tariff");
    }
}
