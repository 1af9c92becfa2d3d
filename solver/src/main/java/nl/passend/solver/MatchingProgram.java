package nl.passend.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The score of {@link MatchingConstraints} as a mixed-integer program, so that a solver of programs can find the
 * optimum or prove how far an answer may be from it.
 *
 * One binary per open referral and eligible offer. Every hard term only grows with more placements, so the best hard
 * score is what the pinned placements already cost, and the program keeps it with plain rows: each offer's capacity
 * and each contract's volume ceiling less what the pinned placements take, each budget as a knapsack row up to the
 * same started thousand euros over it as the pinned placements already are, one co-defendant per location. No big-M
 * anywhere: without budgets the relaxation of these rows is integral on the instances measured, so its bound is
 * strong; budgets are what branching is for.
 *
 * A program is solved in parts: a {@link #solve} frees some referrals and keeps the others where a given assignment
 * has them, taking what they hold off the rows. Freeing all of them solves the whole, with a bound on the whole.
 * Referrals and their offers are in the order of their ids, so that the same facts give the same program, and a
 * deterministic solver (SCIP on one thread) the same answer.
 */
public final class MatchingProgram {

    /** Per started thousand euros over a budget; the hard score's step. */
    private static final long BUDGET_STEP_CENTS = MatchingConstraints.BUDGET_STEP_CENTS;

    /** What a part of the program optimises. */
    public enum Goal {
        /** The most medium points saved by placing referrals. */
        MEDIUM,
        /** The fewest soft points, saving no fewer medium points than the given assignment. */
        SOFT,
        /** Among answers as good on medium and soft as the given one, the offers that come first by id. */
        TIES
    }

    /**
     * The answer to a part of the program.
     *
     * @param choice for each open referral, the index of its chosen offer in {@link #offersOf}, or -1
     * @param optimal whether the solver proved the part optimal
     * @param bound on the whole program's goal, in its own units (medium points saved, soft points spent), when the
     *        whole program was free; otherwise {@code NaN}
     * @param values for a relaxation, the value of every option, by referral and offer index
     */
    public record Answer(int[] choice, boolean optimal, double bound, double[][] values) {
    }

    private final List<Referral> open = new ArrayList<>();
    private final List<List<Offer>> offersOf = new ArrayList<>();
    private final Map<Offer, Integer> room = new HashMap<>();
    private final Map<Contract, Integer> volumeRoom = new HashMap<>();
    private final Map<Contract, Long> budgetRoom = new HashMap<>();
    private final Set<String> pinnedGroupAt = new HashSet<>();
    private final Map<Offer, Integer> rankOfOffer = new HashMap<>();
    private long unplacedElsewhere;
    private long pinnedSoft;

    private MatchingProgram() {
    }

    /** The program of a matching: its referrals not pinned are free, its pinned placements take their share. */
    public static MatchingProgram of(MatchingSolution solution) {
        Loader.loadNativeLibraries();
        MatchingProgram program = new MatchingProgram();
        Map<Offer, Integer> pinnedAt = new HashMap<>();
        Map<Contract, Integer> pinnedUnder = new HashMap<>();
        Map<Contract, Long> pinnedCents = new HashMap<>();
        List<Referral> sorted = solution.getReferrals().stream().sorted(Comparator.comparingLong(Referral::getId))
                .toList();
        for (Referral referral : sorted) {
            if (referral.isPinned() && referral.getOffer() != null) {
                pinnedAt.merge(referral.getOffer(), 1, Integer::sum);
                pinnedUnder.merge(referral.getContract(), 1, Integer::sum);
                pinnedCents.merge(referral.getContract(), referral.costCents(), Long::sum);
                program.pinnedSoft += referral.softPointsAt(referral.getOffer());
                if (referral.getCoDefendantGroup() != null) {
                    program.pinnedGroupAt.add(groupAt(referral, referral.getOffer()));
                }
            }
        }
        for (Referral referral : sorted) {
            if (referral.isPinned() && referral.getOffer() != null) {
                continue;
            }
            List<Offer> offers = referral.isPinned() ? List.of() : referral.getEligibleOffers().stream()
                    .filter(offer -> referral.getCoDefendantGroup() == null
                            || !program.pinnedGroupAt.contains(groupAt(referral, offer)))
                    .sorted(Comparator.comparingLong(Offer::id)).toList();
            if (offers.isEmpty()) {
                program.unplacedElsewhere += referral.unplacedPoints();
            } else {
                program.open.add(referral);
                program.offersOf.add(offers);
            }
        }
        for (Offer offer : solution.getOffers()) {
            program.room.put(offer, Math.max(0, offer.capacity() - pinnedAt.getOrDefault(offer, 0)));
        }
        solution.getOffers().stream().sorted(Comparator.comparingLong(Offer::id))
                .forEach(offer -> program.rankOfOffer.put(offer, program.rankOfOffer.size()));
        for (Contract contract : solution.getContracts()) {
            if (contract.volumeCeiling() != null) {
                program.volumeRoom.put(contract,
                        Math.max(0, contract.volumeCeiling() - pinnedUnder.getOrDefault(contract, 0)));
            }
            if (contract.budgetCeilingCents() != null) {
                // Over the budget by the pinned placements already: the room left up to the same started thousand.
                long pinned = pinnedCents.getOrDefault(contract, 0L);
                long stepsOver = Math.max(0, pinned - contract.budgetCeilingCents() + BUDGET_STEP_CENTS - 1)
                        / BUDGET_STEP_CENTS;
                program.budgetRoom.put(contract, contract.budgetCeilingCents() + stepsOver * BUDGET_STEP_CENTS - pinned);
            }
        }
        return program;
    }

    /** The referrals that have something to choose, in the order of their ids. */
    public List<Referral> open() {
        return open;
    }

    /** The offers an open referral may choose from, in the order of their ids. */
    public List<Offer> offersOf(int referral) {
        return offersOf.get(referral);
    }

    /** How many options (referral and offer) the program has. */
    public int size() {
        return offersOf.stream().mapToInt(List::size).sum();
    }

    /** The assignment of a matching's open referrals, as choices. */
    public int[] choiceOf(MatchingSolution solution) {
        Map<Long, Offer> offerById = new HashMap<>();
        solution.getReferrals().forEach(referral -> offerById.put(referral.getId(), referral.getOffer()));
        int[] choice = new int[open.size()];
        for (int i = 0; i < open.size(); i++) {
            choice[i] = offersOf.get(i).indexOf(offerById.get(open.get(i).getId()));
        }
        return choice;
    }

    /** Sets the offer of each open referral to its choice, outside any solver (for tools such as the benchmark). */
    public void assign(int[] choice) {
        for (int i = 0; i < choice.length; i++) {
            open.get(i).setOffer(choice[i] < 0 ? null : offersOf.get(i).get(choice[i]));
        }
    }

    /** The medium score of an assignment: minus the points of every referral left without a place. */
    public long mediumScore(int[] choice) {
        return -(unplacedTotal() - saved(choice));
    }

    /** The soft score of an assignment, pinned placements included. */
    public long softScore(int[] choice) {
        long soft = pinnedSoft;
        for (int i = 0; i < choice.length; i++) {
            if (choice[i] >= 0) {
                soft += softPoints(i, choice[i]);
            }
        }
        return -soft;
    }

    /**
     * The medium score no assignment can beat, given a bound on the medium points saved (infinite for none): at
     * best, every referral with an offer to choose is placed.
     */
    public long mediumScoreBound(double savedBound) {
        long placeable = unplacedTotal() - unplacedElsewhere;
        long saved = Double.isNaN(savedBound) ? placeable : Math.min(placeable, (long) Math.floor(savedBound + 1e-6));
        return -(unplacedTotal() - saved);
    }

    /**
     * The soft score no assignment of the same medium score can beat, given a bound on the soft points spent (at
     * worst none are: a solver stopped before its first relaxation may give less, or none).
     */
    public long softScoreBound(double spentBound) {
        long spent = Double.isNaN(spentBound) ? 0 : Math.max(0, (long) Math.ceil(spentBound - 1e-6));
        return -(pinnedSoft + spent);
    }

    /**
     * A bound on the medium points saved, for {@link #mediumScoreBound}, that scales to programs too large for their
     * linear relaxation: a Lagrangian relaxation ({@link LagrangianBound}).
     *
     * Why it holds: give every row that binds referrals together (offer capacity, volume ceiling, budget) a price of
     * at least 0. Every answer keeps those rows, so charging it the prices of what it uses and paying it each row's
     * room at the same price pays it what is left in the rows, never less than 0: its medium points are at most the
     * priced objective. Without those rows and without the co-defendant rows (dropping rows only lets more in), each
     * referral just takes its option of most priced profit, or none; so the sum of those profits plus the prices
     * times the rooms is at least every answer's points, whatever the prices. The steps look for prices that make it
     * lowest: at best it is the linear relaxation's bound without the co-defendant rows, or tighter, as options that
     * no answer can take are left out first.
     *
     * @param limitMillis about how long to take; no new step is started that would not end in time at the pace of
     *        those before (the first one always is)
     * @param best an answer, the best known: the steps aim at its points, and stop once the bound proves it optimal
     * @return the bound, in medium points saved
     */
    public double lagrangianMediumBound(long limitMillis, int[] best) {
        return new LagrangianBound(this, room, volumeRoom, budgetRoom).solve(limitMillis, saved(best));
    }

    /**
     * Solves a part of the program: the free referrals choose, the others keep their choice in {@code given}, which
     * is also the solver's hint. A relaxation solves the linear program (GLOP) instead, for its bound and values.
     *
     * @return the answer, or {@code null} when the solver found none within the limit
     */
    public Answer solve(Goal goal, boolean[] free, int[] given, boolean relaxed, long limitMillis) {
        MPSolver solver = MPSolver.createSolver(relaxed ? "GLOP" : "SCIP");
        try {
            return solve(solver, goal, free, given, relaxed, limitMillis);
        } finally {
            solver.delete();
        }
    }

    private Answer solve(MPSolver solver, Goal goal, boolean[] free, int[] given, boolean relaxed, long limitMillis) {
        Map<Offer, Integer> offerRoom = new HashMap<>(room);
        Map<Contract, Integer> contractRoom = new HashMap<>(volumeRoom);
        Map<Contract, Long> moneyRoom = new HashMap<>(budgetRoom);
        Set<String> groupTaken = new HashSet<>();
        for (int i = 0; i < open.size(); i++) {
            if (!free[i] && given[i] >= 0) {
                Referral referral = open.get(i);
                Offer offer = offersOf.get(i).get(given[i]);
                Contract contract = referral.contractAt(offer);
                offerRoom.merge(offer, -1, Integer::sum);
                contractRoom.computeIfPresent(contract, (key, left) -> left - 1);
                moneyRoom.computeIfPresent(contract, (key, left) -> left - referral.costCentsAt(offer));
                if (referral.getCoDefendantGroup() != null) {
                    groupTaken.add(groupAt(referral, offer));
                }
            }
        }

        MPVariable[][] chosen = new MPVariable[open.size()][];
        Map<Offer, MPConstraint> capacityRows = new LinkedHashMap<>();
        Map<Contract, MPConstraint> volumeRows = new LinkedHashMap<>();
        Map<Contract, MPConstraint> budgetRows = new LinkedHashMap<>();
        Map<String, MPConstraint> groupRows = new LinkedHashMap<>();
        MPConstraint keepMedium = goal == Goal.MEDIUM ? null : solver.makeConstraint(0, MPSolver.infinity());
        MPConstraint keepSoft = goal == Goal.TIES ? solver.makeConstraint(-MPSolver.infinity(), 0) : null;
        MPObjective objective = solver.objective();
        List<MPVariable> hinted = new ArrayList<>();
        List<Double> hints = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            if (!free[i]) {
                continue;
            }
            Referral referral = open.get(i);
            List<Offer> offers = offersOf.get(i);
            chosen[i] = new MPVariable[offers.size()];
            MPConstraint one = solver.makeConstraint(-MPSolver.infinity(), 1);
            for (int j = 0; j < offers.size(); j++) {
                Offer offer = offers.get(j);
                Contract contract = referral.contractAt(offer);
                String groupAt = referral.getCoDefendantGroup() == null ? null : groupAt(referral, offer);
                if (groupAt != null && groupTaken.contains(groupAt)) {
                    continue;
                }
                MPVariable x = relaxed ? solver.makeNumVar(0, 1, "") : solver.makeBoolVar("");
                chosen[i][j] = x;
                one.setCoefficient(x, 1);
                row(solver, capacityRows, offer, offerRoom.getOrDefault(offer, 0)).setCoefficient(x, 1);
                if (contractRoom.containsKey(contract)) {
                    row(solver, volumeRows, contract, contractRoom.get(contract)).setCoefficient(x, 1);
                }
                if (moneyRoom.containsKey(contract)) {
                    row(solver, budgetRows, contract, moneyRoom.get(contract))
                            .setCoefficient(x, referral.costCentsAt(offer));
                }
                if (groupAt != null) {
                    row(solver, groupRows, groupAt, 1).setCoefficient(x, 1);
                }
                long medium = referral.unplacedPoints();
                switch (goal) {
                    case MEDIUM -> objective.setCoefficient(x, medium);
                    case SOFT -> {
                        keepMedium.setCoefficient(x, medium);
                        objective.setCoefficient(x, softPoints(i, j));
                    }
                    case TIES -> {
                        keepMedium.setCoefficient(x, medium);
                        keepSoft.setCoefficient(x, softPoints(i, j));
                        objective.setCoefficient(x, rankOfOffer.get(offer));
                    }
                }
                hinted.add(x);
                hints.add(given[i] == j ? 1.0 : 0.0);
            }
            if (given[i] >= 0 && chosen[i][given[i]] != null) {
                if (keepMedium != null) {
                    keepMedium.setLb(keepMedium.lb() + referral.unplacedPoints());
                }
                if (keepSoft != null) {
                    keepSoft.setUb(keepSoft.ub() + softPoints(i, given[i]));
                }
            }
        }
        objective.setOptimizationDirection(goal == Goal.MEDIUM);

        MPSolverParameters parameters = new MPSolverParameters();
        if (!relaxed) {
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            solver.setHint(hinted.toArray(MPVariable[]::new), hints.stream().mapToDouble(Double::doubleValue).toArray());
        }
        solver.setTimeLimit(Math.max(1, limitMillis));
        MPSolver.ResultStatus status = solver.solve(parameters);
        // A relaxation stopped early gives no bound, a program stopped early its best answer so far.
        if (status != MPSolver.ResultStatus.OPTIMAL && (relaxed || status != MPSolver.ResultStatus.FEASIBLE)) {
            return null;
        }
        int[] choice = given.clone();
        double[][] values = relaxed ? new double[open.size()][] : null;
        for (int i = 0; i < open.size(); i++) {
            if (!free[i]) {
                continue;
            }
            choice[i] = -1;
            if (relaxed) {
                values[i] = new double[chosen[i].length];
            }
            for (int j = 0; j < chosen[i].length; j++) {
                if (chosen[i][j] == null) {
                    continue;
                }
                double value = chosen[i][j].solutionValue();
                if (relaxed) {
                    values[i][j] = value;
                } else if (value > 0.5) {
                    choice[i] = j;
                }
            }
        }
        boolean whole = allFree(free);
        double bound = !whole ? Double.NaN : relaxed ? objective.value() : objective.bestBound();
        return new Answer(relaxed ? null : choice, status == MPSolver.ResultStatus.OPTIMAL, bound, values);
    }

    private static <K> MPConstraint row(MPSolver solver, Map<K, MPConstraint> rows, K key, long most) {
        return rows.computeIfAbsent(key, k -> solver.makeConstraint(-MPSolver.infinity(), Math.max(0, most)));
    }

    private long saved(int[] choice) {
        long saved = 0;
        for (int i = 0; i < choice.length; i++) {
            if (choice[i] >= 0) {
                saved += open.get(i).unplacedPoints();
            }
        }
        return saved;
    }

    private long unplacedTotal() {
        return unplacedElsewhere + open.stream().mapToLong(Referral::unplacedPoints).sum();
    }

    private long softPoints(int referral, int offer) {
        return open.get(referral).softPointsAt(offersOf.get(referral).get(offer));
    }

    private static boolean allFree(boolean[] free) {
        for (boolean one : free) {
            if (!one) {
                return false;
            }
        }
        return true;
    }

    private static String groupAt(Referral referral, Offer offer) {
        return referral.getCoDefendantGroup() + "@" + offer.locationId();
    }
}
