package nl.passend.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;

import nl.passend.solver.Contract;
import nl.passend.solver.MatchingSolution;
import nl.passend.solver.Offer;
import nl.passend.solver.Referral;

/**
 * The exact reference: the score of DESIGN.md as a mixed-integer program, solved by SCIP through OR-Tools,
 * lexicographically. Every hard term only grows with more placements, so the least hard score is what the pinned
 * placements already cost; the program keeps it by constraints (no place over capacity or volume ceiling that was
 * not over already, no further started thousand euros over a budget, no second co-defendant at a location). Stage one
 * maximises the medium points saved by placing referrals; stage two keeps that and minimises the soft points.
 * A binary variable per referral and eligible offer; budgets and co-defendant pairs make it more than a flow.
 */
public final class ExactReference {

    /** Per started thousand euros over a budget; the same step as the hard score's. */
    private static final long BUDGET_STEP_CENTS = 1_000_00;

    /**
     * The outcome of a run.
     *
     * @param provedOptimal whether SCIP proved both stages optimal within their time limits
     * @param mediumBound an upper bound on the medium score: no solution leaves less unmet
     * @param softBound a bound on the soft score given stage one's medium score (a lexicographic bound if proved)
     */
    public record Result(MatchingSolution solution, boolean provedOptimal, String status, long mediumBound,
            long softBound, int variables, int constraints, long millis) {
    }

    /** One referral's option: an eligible offer with what choosing it costs. */
    private record Option(Referral referral, Offer offer, Contract contract, long costCents, long softPoints,
            MPVariable chosen) {
    }

    private ExactReference() {
    }

    /**
     * Solves the problem, each stage within the time limit, and sets the offers of its referrals to the best solution
     * found. Offers already set on open referrals (a greedy solution, say) are SCIP's first feasible solution.
     */
    public static Result solve(MatchingSolution problem, Duration limitPerStage) {
        Loader.loadNativeLibraries();
        long started = System.nanoTime();
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no SCIP here");
        }
        try {
            return solve(problem, limitPerStage, solver, started);
        } finally {
            solver.delete();
        }
    }

    private static Result solve(MatchingSolution problem, Duration limitPerStage, MPSolver solver, long started) {
        // What the pinned placements already take and cost.
        Map<Offer, Integer> pinnedAt = new HashMap<>();
        Map<Contract, Integer> pinnedUnder = new HashMap<>();
        Map<Contract, Long> pinnedCents = new HashMap<>();
        Set<String> pinnedGroupAt = new HashSet<>();
        List<Referral> open = new ArrayList<>();
        long pinnedMedium = 0;
        for (Referral referral : problem.getReferrals()) {
            if (referral.isPinned() && referral.getOffer() != null) {
                pinnedAt.merge(referral.getOffer(), 1, Integer::sum);
                pinnedUnder.merge(referral.getContract(), 1, Integer::sum);
                pinnedCents.merge(referral.getContract(), referral.costCents(), Long::sum);
                if (referral.getCoDefendantGroup() != null) {
                    pinnedGroupAt.add(referral.getCoDefendantGroup() + "@" + referral.getLocationId());
                }
            } else if (referral.isPinned()) {
                pinnedMedium += unplacedPoints(referral);
            } else {
                open.add(referral);
            }
        }

        List<Option> options = new ArrayList<>();
        Map<Referral, List<Option>> byReferral = new LinkedHashMap<>();
        Map<Offer, List<Option>> byOffer = new LinkedHashMap<>();
        Map<Contract, List<Option>> byContract = new LinkedHashMap<>();
        Map<String, List<Option>> byGroupAt = new LinkedHashMap<>();
        for (Referral referral : open) {
            for (Offer offer : referral.getEligibleOffers()) {
                String groupAt = referral.getCoDefendantGroup() + "@" + offer.locationId();
                if (referral.getCoDefendantGroup() != null && pinnedGroupAt.contains(groupAt)) {
                    continue;
                }
                Option option = option(solver, referral, offer);
                options.add(option);
                byReferral.computeIfAbsent(referral, r -> new ArrayList<>()).add(option);
                byOffer.computeIfAbsent(offer, o -> new ArrayList<>()).add(option);
                byContract.computeIfAbsent(option.contract(), c -> new ArrayList<>()).add(option);
                if (referral.getCoDefendantGroup() != null) {
                    byGroupAt.computeIfAbsent(groupAt, g -> new ArrayList<>()).add(option);
                }
            }
        }

        // Hard rules as constraints, each allowing no more than the pinned placements already break.
        byReferral.values().forEach(list -> atMost(solver, list, 1));
        byOffer.forEach((offer, list) -> atMost(solver, list,
                Math.max(0, offer.capacity() - pinnedAt.getOrDefault(offer, 0))));
        byContract.forEach((contract, list) -> {
            if (contract.volumeCeiling() != null) {
                atMost(solver, list, Math.max(0, contract.volumeCeiling() - pinnedUnder.getOrDefault(contract, 0)));
            }
            if (contract.budgetCeilingCents() != null) {
                long pinned = pinnedCents.getOrDefault(contract, 0L);
                long stepsOver = Math.max(0, pinned - contract.budgetCeilingCents() + BUDGET_STEP_CENTS - 1)
                        / BUDGET_STEP_CENTS;
                long room = contract.budgetCeilingCents() + stepsOver * BUDGET_STEP_CENTS - pinned;
                MPConstraint budget = solver.makeConstraint(-MPSolver.infinity(), room);
                list.forEach(option -> budget.setCoefficient(option.chosen(), option.costCents()));
            }
        });
        byGroupAt.values().stream().filter(list -> list.size() > 1).forEach(list -> atMost(solver, list, 1));

        MPSolverParameters parameters = new MPSolverParameters();
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        solver.setTimeLimit(limitPerStage.toMillis());

        // Stage one: the most medium points saved.
        MPObjective objective = solver.objective();
        options.forEach(option -> objective.setCoefficient(option.chosen(), unplacedPoints(option.referral())));
        objective.setMaximization();
        Set<Option> start = options.stream()
                .filter(option -> option.referral().getOffer() == option.offer())
                .collect(Collectors.toSet());
        if (!start.isEmpty()) {
            // A complete hint, every variable 0 or 1: SCIP may drop a partial one it cannot complete in time.
            solver.setHint(options.stream().map(Option::chosen).toArray(MPVariable[]::new),
                    options.stream().mapToDouble(option -> start.contains(option) ? 1.0 : 0.0).toArray());
        }
        open.forEach(referral -> referral.setOffer(null));
        MPSolver.ResultStatus first = solver.solve(parameters);
        if (first != MPSolver.ResultStatus.OPTIMAL && first != MPSolver.ResultStatus.FEASIBLE) {
            // No solution within the limit, not even the one given: hand back that one, and say so.
            start.forEach(option -> option.referral().setOffer(option.offer()));
            return new Result(problem, false, "stage 1 " + first + ": SCIP found no solution in time, the given one "
                    + "is kept", Long.MIN_VALUE, Long.MIN_VALUE, solver.numVariables(), solver.numConstraints(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        long saved = Math.round(objective.value());
        long savedBound = (long) Math.floor(objective.bestBound() + 1e-6);
        double[] firstValues = options.stream().mapToDouble(option -> option.chosen().solutionValue()).toArray();
        long allUnplaced = open.stream().mapToLong(ExactReference::unplacedPoints).sum() + pinnedMedium;

        // Stage two: keep the medium points, spend the fewest soft points.
        MPConstraint keep = solver.makeConstraint(saved, MPSolver.infinity());
        options.forEach(option -> keep.setCoefficient(option.chosen(), unplacedPoints(option.referral())));
        objective.clear();
        options.forEach(option -> objective.setCoefficient(option.chosen(), option.softPoints()));
        objective.setMinimization();
        solver.setHint(options.stream().map(Option::chosen).toArray(MPVariable[]::new), firstValues);
        MPSolver.ResultStatus second = solver.solve(parameters);
        boolean secondFound = second == MPSolver.ResultStatus.OPTIMAL || second == MPSolver.ResultStatus.FEASIBLE;
        long softBound = secondFound ? -(long) Math.ceil(objective.bestBound() - 1e-6) : Long.MIN_VALUE;

        for (int i = 0; i < options.size(); i++) {
            Option option = options.get(i);
            double value = secondFound ? option.chosen().solutionValue() : firstValues[i];
            if (value > 0.5) {
                option.referral().setOffer(option.offer());
            }
        }
        return new Result(problem, first == MPSolver.ResultStatus.OPTIMAL && second == MPSolver.ResultStatus.OPTIMAL,
                "stage 1 " + first + ", stage 2 " + second, -(allUnplaced - savedBound), softBound,
                solver.numVariables(), solver.numConstraints(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The variable for placing the referral at the offer, with what it would cost: the contract's budget, and the soft
     * terms of the score (kilometres, security above the minimum, tariff points) through the model's own functions.
     */
    private static Option option(MPSolver solver, Referral referral, Offer offer) {
        Offer before = referral.getOffer();
        referral.setOffer(offer);
        Contract contract = referral.getContract();
        long soft = referral.distanceKilometres()
                + referral.getWeights().extraSecurity(offer.securityLevel() - referral.getMinSecurityLevel())
                + referral.getWeights().tariff(contract.dailyTariffCents(referral.getCareType()));
        long cost = referral.costCents();
        referral.setOffer(before);
        return new Option(referral, offer, contract, cost, soft, solver.makeBoolVar(""));
    }

    private static long unplacedPoints(Referral referral) {
        return referral.getWeights().unplaced(referral.getUrgency(), referral.getDaysWaiting());
    }

    private static void atMost(MPSolver solver, List<Option> options, int most) {
        MPConstraint constraint = solver.makeConstraint(-MPSolver.infinity(), most);
        options.forEach(option -> constraint.setCoefficient(option.chosen(), 1));
    }
}
