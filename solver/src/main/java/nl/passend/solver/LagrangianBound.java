package nl.passend.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

/**
 * The Lagrangian relaxation of a {@link MatchingProgram}'s medium stage, for {@link
 * MatchingProgram#lagrangianMediumBound}. Every row that binds referrals together gets a price of at least 0: each
 * offer's room, each contract's volume left and budget left. The co-defendant rows are dropped. What is left is one
 * choice per referral, the option of most profit (its medium points less the prices of the rows it uses) or none, so
 * that for any prices
 *
 * <pre>  bound(prices) = Σ referrals max(0, best profit) + Σ rows price × room</pre>
 *
 * is at least the medium points saved by every answer: an answer keeps every row, so pricing what it uses and adding
 * each row's room at the same price only adds what is left in the row, never less than 0. It is the dual of the linear
 * relaxation without the co-defendant rows, so at best it is that relaxation's bound.
 *
 * Options that no answer can take are left out first: those at an offer without room, under a contract without
 * volume left, or costing more than their budget has left. Every answer leaves them out, so the bound still holds,
 * and it may be lower than the linear relaxation's (it was on the scarce 1,500-referral region: -20,041 medium
 * against -20,036).
 *
 * Each evaluation is one pass over the options, some tens of milliseconds at 20,000 referrals (964,309 options). The
 * relaxation of only the budget and volume rows leaves a transportation problem, which OR-Tools solves exactly as a
 * minimum-cost flow; but that took 6–8 s a time there (on a busy machine), and its Java API can neither change a cost
 * nor give the node potentials to start the next one from, so a minute gave seven subgradient steps and a bound of
 * -23,980 medium, hardly better than placing everyone (-18,666), where pricing every row reached -28,100 to -29,100.
 * The flow is kept for what it does well: the exact bound with those rows at price 0, on smaller programs.
 */
final class LagrangianBound {

    /**
     * Up to this many options, the bound at prices 0 on the budget and volume rows is first found exactly, as a
     * flow: 0.3 s at 74,000 options, 6–8 s at 964,000.
     */
    static final int MOST_OPTIONS_FOR_FLOW = 100_000;

    /** The smoothing's first temperature, in medium points, its last, and the steps between halvings. */
    static final double FIRST_TEMPERATURE = 4;
    static final double LAST_TEMPERATURE = 0.01;
    static final int STEPS_PER_TEMPERATURE = 30;

    /** Halve the subgradient step after this many steps without a lower bound. */
    static final int PATIENCE = 100;

    /** Steps stop once they lower the bound by less than this share of it (smoothed), or are this short (Polyak). */
    static final double STALLED = 1e-6;

    /** Nonmonotone line search: the last values a step is compared with, and the decrease it asks for. */
    private static final int REMEMBERED = 10;
    private static final double SUFFICIENT = 1e-4;

    private final MatchingProgram program;
    /** The open referrals that keep an option, by their index in the program, and their medium points. */
    private final int[] referral;
    private final long[] points;
    /** The options of the i-th kept referral: {@code first[i]} up to {@code first[i + 1]}. */
    private final int[] first;
    /** Per option: the index of its offer among the referral's offers in the program. */
    private final int[] offerIndex;
    /**
     * Per option, the rows it uses: its offer's, its volume row's and its budget row's (-1 for none), as indices
     * into {@link #room}, and how much of its budget row it uses.
     */
    private final int[] offerRow;
    private final int[] volumeRow;
    private final int[] budgetRow;
    private final double[] budgetUse;
    /** Per option: what it costs its contract, in cents. */
    private final long[] cost;
    /** How many offer rows there are, and where the budget rows start: offers, then volume rows, then budgets. */
    private final int offers;
    private final int budgetStart;
    /** Per row: what is left of it. A budget row counts in units of its options' mean cost, like a volume row. */
    private final double[] room;
    /** Per row: what is left of it in cents, for a budget row; for answers near a bound. */
    private final long[] roomCents;

    private double best = Double.POSITIVE_INFINITY;
    private long target;

    LagrangianBound(MatchingProgram program, Map<Offer, Integer> offerRoom, Map<Contract, Integer> volumeRoom,
            Map<Contract, Long> budgetRoom) {
        this.program = program;
        Map<Offer, Integer> offerRows = new HashMap<>();
        Map<Contract, Integer> volumeRows = new HashMap<>();
        Map<Contract, Integer> budgetRows = new HashMap<>();
        List<Integer> kept = new ArrayList<>();
        List<Integer> firsts = new ArrayList<>();
        List<int[]> options = new ArrayList<>();
        List<Long> costs = new ArrayList<>();
        for (int r = 0; r < program.open().size(); r++) {
            Referral open = program.open().get(r);
            List<Offer> offers = program.offersOf(r);
            int before = options.size();
            for (int j = 0; j < offers.size(); j++) {
                Offer offer = offers.get(j);
                Contract contract = open.contractAt(offer);
                long cost = open.costCentsAt(offer);
                if (offerRoom.getOrDefault(offer, 0) <= 0 || volumeRoom.getOrDefault(contract, 1) <= 0
                        || cost > budgetRoom.getOrDefault(contract, Long.MAX_VALUE)) {
                    continue;
                }
                options.add(new int[] {j, offerRows.computeIfAbsent(offer, o -> offerRows.size()),
                        volumeRoom.containsKey(contract) ? volumeRows.computeIfAbsent(contract, c -> volumeRows.size())
                                : -1,
                        budgetRoom.containsKey(contract) ? budgetRows.computeIfAbsent(contract, c -> budgetRows.size())
                                : -1});
                costs.add(cost);
            }
            if (options.size() > before) {
                kept.add(r);
                firsts.add(before);
            }
        }
        firsts.add(options.size());
        referral = kept.stream().mapToInt(Integer::intValue).toArray();
        points = Arrays.stream(referral).mapToLong(r -> program.open().get(r).unplacedPoints()).toArray();
        first = firsts.stream().mapToInt(Integer::intValue).toArray();

        // Rows: the offers', then the volume rows, then the budget rows.
        offers = offerRows.size();
        int volumeStart = offers;
        budgetStart = volumeStart + volumeRows.size();
        room = new double[budgetStart + budgetRows.size()];
        offerRows.forEach((offer, row) -> room[row] = offerRoom.get(offer));
        volumeRows.forEach((contract, row) -> room[volumeStart + row] = volumeRoom.get(contract));
        offerIndex = options.stream().mapToInt(option -> option[0]).toArray();
        offerRow = options.stream().mapToInt(option -> option[1]).toArray();
        volumeRow = options.stream().mapToInt(option -> option[2] < 0 ? -1 : volumeStart + option[2]).toArray();
        budgetRow = options.stream().mapToInt(option -> option[3] < 0 ? -1 : budgetStart + option[3]).toArray();
        roomCents = new long[room.length];
        double[] sum = new double[room.length];
        int[] count = new int[room.length];
        for (int o = 0; o < budgetRow.length; o++) {
            if (budgetRow[o] >= 0) {
                sum[budgetRow[o]] += costs.get(o);
                count[budgetRow[o]]++;
            }
        }
        double[] unit = new double[room.length];
        budgetRows.forEach((contract, row) -> {
            unit[budgetStart + row] = Math.max(1, sum[budgetStart + row] / count[budgetStart + row]);
            roomCents[budgetStart + row] = budgetRoom.get(contract);
            room[budgetStart + row] = budgetRoom.get(contract) / unit[budgetStart + row];
        });
        cost = costs.stream().mapToLong(Long::longValue).toArray();
        budgetUse = new double[options.size()];
        for (int o = 0; o < budgetUse.length; o++) {
            budgetUse[o] = budgetRow[o] < 0 ? 0 : costs.get(o) / unit[budgetRow[o]];
        }
    }

    /**
     * Lowers the bound until the time is up or it proves the best answer known optimal: half the time by projected
     * gradient steps on a smoothed bound, then by subgradient steps from where they ended.
     *
     * @param target the medium points saved by the best answer known
     * @return the lowest bound evaluated, in medium points saved
     */
    double solve(long limitMillis, long target) {
        long started = System.currentTimeMillis();
        this.target = target;
        if (offerRow.length <= MOST_OPTIONS_FOR_FLOW && transportationKeepsEveryRow()) {
            return best;
        }
        double[] prices = new double[room.length];
        smoothedDescent(prices, started + limitMillis / 2);
        subgradientSteps(prices, started + limitMillis);
        return best;
    }

    /**
     * The smoothed bound: each referral's max(0, best profit) becomes τ log(1 + Σ exp(profit / τ)), which is above it
     * by at most τ log(options + 1) and smooth, so that its gradient (each row's room less the options' use, each
     * weighed by its softmax share) leads far in one step. Spectral projected gradient (Barzilai–Borwein steps with a
     * nonmonotone line search), scaled by the diagonal of the Hessian, with τ halving down to {@link
     * #LAST_TEMPERATURE}. Every point it evaluates also gives the exact bound, of which the lowest is kept.
     */
    private void smoothedDescent(double[] prices, long end) {
        int rows = room.length;
        double[] gradient = new double[rows];
        double[] curvature = new double[rows];
        double[] next = new double[rows];
        double[] nextGradient = new double[rows];
        double[] nextCurvature = new double[rows];
        double[] direction = new double[rows];
        int[] chosen = new int[referral.length];
        double temperature = FIRST_TEMPERATURE;
        double value = evaluate(prices, temperature, gradient, curvature, chosen);
        ArrayDeque<Double> recent = new ArrayDeque<>(List.of(value));
        double length = 1;
        int steps = 0;
        long slowest = 0;
        double bestBefore = best;
        while (!proven() && !Thread.currentThread().isInterrupted()
                && System.currentTimeMillis() + slowest < end) {
            long stepStarted = System.currentTimeMillis();
            if (temperature <= LAST_TEMPERATURE && steps % STEPS_PER_TEMPERATURE == 0) {
                // At the last temperature, stop when a round of steps no longer lowers the bound noticeably.
                if (bestBefore - best < STALLED * Math.abs(best)) {
                    break;
                }
                bestBefore = best;
            }
            double reference = recent.stream().mapToDouble(Double::doubleValue).max().orElse(value);
            double slope = 0;
            for (int k = 0; k < rows; k++) {
                direction[k] = Math.max(0, prices[k] - length * gradient[k] / curvature[k]) - prices[k];
                slope += gradient[k] * direction[k];
            }
            double share = 1;
            while (true) {
                for (int k = 0; k < rows; k++) {
                    next[k] = prices[k] + share * direction[k];
                }
                double nextValue = evaluate(next, temperature, nextGradient, nextCurvature, chosen);
                if (nextValue <= reference + SUFFICIENT * share * slope || share < 1e-6) {
                    value = nextValue;
                    break;
                }
                share /= 2;
            }
            // Barzilai–Borwein: the step that fits the change in gradient along the last step, in the scaled metric.
            double moved = 0;
            double turned = 0;
            for (int k = 0; k < rows; k++) {
                double step = next[k] - prices[k];
                moved += step * step * curvature[k];
                turned += step * (nextGradient[k] - gradient[k]);
            }
            length = turned <= 0 ? 1 : Math.min(1e6, Math.max(1e-8, moved / turned));
            System.arraycopy(next, 0, prices, 0, rows);
            System.arraycopy(nextGradient, 0, gradient, 0, rows);
            System.arraycopy(nextCurvature, 0, curvature, 0, rows);
            recent.addLast(value);
            if (recent.size() > REMEMBERED) {
                recent.removeFirst();
            }
            if (++steps % STEPS_PER_TEMPERATURE == 0 && temperature > LAST_TEMPERATURE) {
                temperature = Math.max(LAST_TEMPERATURE, temperature / 2);
                value = evaluate(prices, temperature, gradient, curvature, chosen);
                recent.clear();
                recent.add(value);
            }
            slowest = Math.max(slowest, System.currentTimeMillis() - stepStarted);
        }
    }

    /**
     * Projected subgradient steps on the exact bound: Polyak's step, aimed at the best answer known, found anew every
     * few steps by repairing the referrals' choices into an answer; halved after {@link #PATIENCE} steps without a
     * lower bound. The subgradient is each row's room less what the referrals' best options use.
     */
    private void subgradientSteps(double[] prices, long end) {
        int rows = room.length;
        double[] slack = new double[rows];
        int[] chosen = new int[referral.length];
        double step = 1;
        double lowest = Double.POSITIVE_INFINITY;
        int withoutLower = 0;
        long slowest = 0;
        for (int steps = 0; !proven() && !Thread.currentThread().isInterrupted()
                && System.currentTimeMillis() + slowest < end; steps++) {
            long stepStarted = System.currentTimeMillis();
            double value = evaluate(prices, 0, slack, null, chosen);
            if (value < lowest - 1e-9) {
                lowest = value;
                withoutLower = 0;
            } else if (++withoutLower >= PATIENCE) {
                step /= 2;
                withoutLower = 0;
            }
            if (steps % 20 == 0) {
                target = Math.max(target, repair(chosen));
            }
            // A row at price 0 with room to spare would only go below 0: it does not count in the step.
            double norm = 0;
            for (int k = 0; k < rows; k++) {
                if (prices[k] > 0 || slack[k] < 0) {
                    norm += slack[k] * slack[k];
                }
            }
            if (norm < 1e-12 || step < STALLED) {
                // The choices keep every row and leave room only where the price is 0: the bound is the lowest. Or
                // the steps have become too short to lower it.
                break;
            }
            double length = step * Math.max(0, value - target) / norm;
            for (int k = 0; k < rows; k++) {
                prices[k] = Math.max(0, prices[k] - length * slack[k]);
            }
            slowest = Math.max(slowest, System.currentTimeMillis() - stepStarted);
        }
    }

    /**
     * The bound at prices 0 on the budget and volume rows, exactly: what is left is a transportation problem, each
     * referral at most one offer and each offer at most its room, solved as a minimum-cost flow. Its optimum is
     * integral, and the costs are the medium points themselves, whole numbers, so nothing is rounded. From a source
     * to each referral (one unit), to each of its options (one unit, its points as a negative cost), to each offer's
     * sink arc (its room), and from the source straight to the sink for the referrals left without a place.
     *
     * @return whether the best flow keeps the budget and volume rows too: then it is the bound of the relaxation
     *         without the co-defendant rows, and no step lowers it
     */
    private boolean transportationKeepsEveryRow() {
        int source = 0;
        int sink = 1 + referral.length + offers;
        MinCostFlow flow = new MinCostFlow(sink + 1, referral.length + offerRow.length + offers + 1);
        try {
            for (int i = 0; i < referral.length; i++) {
                flow.addArcWithCapacityAndUnitCost(source, 1 + i, 1, 0);
                for (int o = first[i]; o < first[i + 1]; o++) {
                    flow.addArcWithCapacityAndUnitCost(1 + i, 1 + referral.length + offerRow[o], 1, -points[i]);
                }
            }
            for (int offer = 0; offer < offers; offer++) {
                flow.addArcWithCapacityAndUnitCost(1 + referral.length + offer, sink, (long) room[offer], 0);
            }
            flow.addArcWithCapacityAndUnitCost(source, sink, referral.length, 0);
            flow.setNodeSupply(source, referral.length);
            flow.setNodeSupply(sink, -referral.length);
            if (flow.solve() != MinCostFlowBase.Status.OPTIMAL) {
                return false;
            }
            best = Math.min(best, -flow.getOptimalCost());
            // The arcs were added referral by referral, each referral's arc first, then its options'.
            long[] used = new long[room.length];
            int arc = 0;
            for (int i = 0; i < referral.length; i++) {
                arc++;
                for (int o = first[i]; o < first[i + 1]; o++, arc++) {
                    if (flow.getFlow(arc) > 0) {
                        used[offerRow[o]]++;
                        if (volumeRow[o] >= 0) {
                            used[volumeRow[o]]++;
                        }
                        if (budgetRow[o] >= 0) {
                            used[budgetRow[o]] += cost[o];
                        }
                    }
                }
            }
            for (int row = offers; row < room.length; row++) {
                if (used[row] > (row >= budgetStart ? roomCents[row] : room[row])) {
                    return false;
                }
            }
            return true;
        } finally {
            flow.delete();
        }
    }

    /** Medium points saved are whole: a bound less than one point above an answer proves it optimal. */
    private boolean proven() {
        return Math.floor(best + 1e-6) <= target;
    }

    /**
     * The bound at these prices, kept if it is the lowest yet, and each referral's best option (or -1). With a
     * temperature above 0, returns the smoothed bound and sets its gradient and the diagonal of its Hessian (an upper
     * estimate); at 0, returns the bound and sets the subgradient of the chosen options.
     */
    private double evaluate(double[] prices, double temperature, double[] gradient, double[] curvature,
            int[] chosen) {
        System.arraycopy(room, 0, gradient, 0, room.length);
        if (curvature != null) {
            Arrays.fill(curvature, 1e-9);
        }
        double exact = 0;
        double smoothed = 0;
        double magnitude = 0;
        double[] profit = new double[64];
        for (int i = 0; i < referral.length; i++) {
            int options = first[i + 1] - first[i];
            if (profit.length < options) {
                profit = new double[options];
            }
            double most = 0;
            chosen[i] = -1;
            for (int k = 0; k < options; k++) {
                int o = first[i] + k;
                profit[k] = points[i] - prices[offerRow[o]] - (volumeRow[o] < 0 ? 0 : prices[volumeRow[o]])
                        - (budgetRow[o] < 0 ? 0 : prices[budgetRow[o]] * budgetUse[o]);
                if (profit[k] > most) {
                    most = profit[k];
                    chosen[i] = o;
                }
            }
            exact += most;
            magnitude += points[i];
            if (temperature <= 0) {
                if (chosen[i] >= 0) {
                    use(chosen[i], 1, gradient, null, 0);
                }
                continue;
            }
            double sum = Math.exp(-most / temperature);
            for (int k = 0; k < options; k++) {
                double exponent = (profit[k] - most) / temperature;
                profit[k] = exponent < -40 ? 0 : Math.exp(exponent);
                sum += profit[k];
            }
            smoothed += most + temperature * Math.log(sum);
            for (int k = 0; k < options; k++) {
                if (profit[k] > 0) {
                    use(first[i] + k, profit[k] / sum, gradient, curvature, temperature);
                }
            }
        }
        for (int k = 0; k < room.length; k++) {
            exact += prices[k] * room[k];
            smoothed += prices[k] * room[k];
            magnitude += Math.abs(prices[k] * room[k]);
        }
        // Above what the sum may have lost to rounding, so that the bound stays one.
        best = Math.min(best, exact + 1e-9 * magnitude);
        return temperature <= 0 ? exact : smoothed;
    }

    /** Takes an option's use, at this weight, off each of its rows' gradient, and adds it to their curvature. */
    private void use(int o, double weight, double[] gradient, double[] curvature, double temperature) {
        gradient[offerRow[o]] -= weight;
        if (volumeRow[o] >= 0) {
            gradient[volumeRow[o]] -= weight;
        }
        if (budgetRow[o] >= 0) {
            gradient[budgetRow[o]] -= weight * budgetUse[o];
        }
        if (curvature != null) {
            double scaled = weight / temperature;
            curvature[offerRow[o]] += scaled;
            if (volumeRow[o] >= 0) {
                curvature[volumeRow[o]] += scaled;
            }
            if (budgetRow[o] >= 0) {
                curvature[budgetRow[o]] += scaled * budgetUse[o] * budgetUse[o];
            }
        }
    }

    /**
     * An answer near the referrals' choices, for the step's target: the choices that keep every row, the most urgent
     * referrals first, then the referrals left over, each at its first option with room.
     *
     * @return the medium points the answer saves
     */
    private long repair(int[] chosen) {
        double[] left = room.clone();
        long[] centsLeft = roomCents.clone();
        Set<String> groupsAt = new HashSet<>();
        Integer[] order = new Integer[referral.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> -points[i]));
        boolean[] placed = new boolean[referral.length];
        long saved = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int i : order) {
                if (placed[i] || pass == 0 && chosen[i] < 0) {
                    continue;
                }
                int from = pass == 0 ? chosen[i] : first[i];
                int to = pass == 0 ? chosen[i] + 1 : first[i + 1];
                for (int o = from; o < to && !placed[i]; o++) {
                    placed[i] = fits(i, o, left, centsLeft, groupsAt);
                }
                if (placed[i]) {
                    saved += points[i];
                }
            }
        }
        return saved;
    }

    /** Takes the option's share of every row if it fits in all of them. */
    private boolean fits(int i, int o, double[] left, long[] centsLeft, Set<String> groupsAt) {
        Referral open = program.open().get(referral[i]);
        Offer offer = program.offersOf(referral[i]).get(offerIndex[o]);
        String group = open.getCoDefendantGroup() == null ? null
                : open.getCoDefendantGroup() + "@" + offer.locationId();
        if (left[offerRow[o]] < 1 || volumeRow[o] >= 0 && left[volumeRow[o]] < 1
                || budgetRow[o] >= 0 && centsLeft[budgetRow[o]] < cost[o]
                || group != null && groupsAt.contains(group)) {
            return false;
        }
        left[offerRow[o]]--;
        if (volumeRow[o] >= 0) {
            left[volumeRow[o]]--;
        }
        if (budgetRow[o] >= 0) {
            centsLeft[budgetRow[o]] -= cost[o];
        }
        if (group != null) {
            groupsAt.add(group);
        }
        return true;
    }
}
