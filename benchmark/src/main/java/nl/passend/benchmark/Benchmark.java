package nl.passend.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;

import nl.passend.benchmark.SyntheticRegion.Instance;
import nl.passend.benchmark.SyntheticRegion.Supply;
import nl.passend.solver.MatchingEngine;
import nl.passend.solver.MatchingProblem;
import nl.passend.solver.MatchingSolution;
import nl.passend.solver.MatchingWeights;
import nl.passend.solver.ScoreBound;

/**
 * Runs, for each synthetic instance, the greedy baseline, the matching engine at several time limits and the exact
 * reference, scores every solution by the engine's own constraints and prints one table. Arguments, all optional:
 * {@code --sizes 500,1500,5000,20000}, {@code --scarce 1500,5000} (sizes that also get a scarce instance),
 * {@code --limits 1,10,30,60} (engine seconds), {@code --exact-limit 30} (seconds for the reference's relaxation and
 * for each of its stages; twice that at most for its Lagrangian bound), {@code --seed 2026}.
 */
public final class Benchmark {

    /** One solver's result on one instance. */
    record Row(String instance, String solver, HardMediumSoftLongScore score, long placed, long millis,
            long firstFeasibleMillis, ScoreBound bound, long peakHeapBytes, String note) {
    }

    private final SolutionManager<MatchingSolution, HardMediumSoftLongScore> scoring =
            SolutionManager.create(new MatchingEngine().solverFactory(Duration.ofSeconds(1)));

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        List<Integer> sizes = ints(option(args, "--sizes", "500,1500,5000,20000"));
        List<Integer> scarce = ints(option(args, "--scarce", "1500,5000"));
        List<Integer> limits = ints(option(args, "--limits", "1,10,30,60"));
        Duration exactLimit = Duration.ofSeconds(Long.parseLong(option(args, "--exact-limit", "30")));
        long seed = Long.parseLong(option(args, "--seed", "2026"));

        System.out.printf("Passend matching benchmark: %d cores, max heap %d MiB, Java %s, seed %d%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), seed);
        Benchmark benchmark = new Benchmark();
        SyntheticRegion region = new SyntheticRegion();
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            List<Supply> supplies = scarce.contains(size) ? List.of(Supply.TIGHT, Supply.SCARCE)
                    : List.of(Supply.TIGHT);
            for (Supply supply : supplies) {
                Instance instance = region.generate(size, supply, seed);
                List<Row> instanceRows = benchmark.run(instance, limits, exactLimit);
                rows.addAll(instanceRows);
                print(instanceRows);
            }
        }
        System.out.println();
        System.out.println("All instances:");
        print(rows);
    }

    List<Row> run(Instance instance, List<Integer> limits, Duration exactLimit) {
        MatchingSolution sample = problem(instance);
        System.out.printf("%n%s: %d open referrals, %d pinned placements, %d offers (%d places), %d contracts, "
                + "%.1f eligible offers per referral%n", instance.name(), instance.open().size(),
                instance.existing().size(), instance.offers().size(),
                instance.offers().stream().mapToInt(o -> o.capacity()).sum(), instance.contracts().size(),
                sample.getReferrals().stream().filter(r -> !r.isPinned())
                        .mapToInt(r -> r.getEligibleOffers().size()).average().orElse(0));
        List<Row> rows = new ArrayList<>();
        rows.add(greedy(instance));
        for (int seconds : limits) {
            rows.add(engine(instance, Duration.ofSeconds(seconds)));
        }
        rows.add(exact(instance, exactLimit));
        return rows;
    }

    private Row greedy(Instance instance) {
        MatchingSolution problem = problem(instance);
        try (HeapWatch heap = new HeapWatch()) {
            long started = System.nanoTime();
            GreedyBaseline.solve(problem);
            long millis = (System.nanoTime() - started) / 1_000_000;
            HardMediumSoftLongScore score = scoring.update(problem);
            return new Row(instance.name(), "greedy", score, placed(problem), millis,
                    score.isFeasible() ? millis : -1, ScoreBound.NONE, heap.peakBytes(), "");
        }
    }

    private Row engine(Instance instance, Duration limit) {
        MatchingSolution problem = problem(instance);
        try (HeapWatch heap = new HeapWatch()) {
            AtomicLong firstFeasible = new AtomicLong(-1);
            long started = System.nanoTime();
            MatchingSolution solved = new MatchingEngine().solve(problem, limit, best -> {
                if (firstFeasible.get() < 0 && best.isFeasible()) {
                    firstFeasible.set((System.nanoTime() - started) / 1_000_000);
                }
            });
            long millis = (System.nanoTime() - started) / 1_000_000;
            HardMediumSoftLongScore score = scoring.update(solved);
            if (!score.equals(solved.getScore())) {
                throw new IllegalStateException("The engine reported " + solved.getScore() + ", rescored " + score);
            }
            ScoreBound bound = solved.getBound();
            String note = bound.provenOptimal() ? "proven optimal" : "own bound: medium " + bound.medium()
                    + ", soft " + bound.soft();
            return new Row(instance.name(), "engine " + limit.toSeconds() + " s", score, placed(solved), millis,
                    firstFeasible.get(), bound, heap.peakBytes(), note);
        }
    }

    private Row exact(Instance instance, Duration limitPerStage) {
        MatchingSolution problem = GreedyBaseline.solve(problem(instance));
        try (HeapWatch heap = new HeapWatch()) {
            ExactReference.Result result = ExactReference.solve(problem, limitPerStage);
            HardMediumSoftLongScore score = scoring.update(result.solution());
            String note = (result.bound().provenOptimal() ? "proven optimal" : "own bound: medium "
                    + result.bound().medium() + ", soft " + result.bound().soft()) + "; " + result.options()
                    + " options; " + result.status() + "; started from greedy";
            return new Row(instance.name(), "reference", score, placed(result.solution()), result.millis(),
                    score.isFeasible() ? result.millis() : -1, result.bound(), heap.peakBytes(), note);
        }
    }

    private static MatchingSolution problem(Instance instance) {
        return MatchingProblem.of(instance.offers(), instance.contracts(), instance.open(), instance.existing(),
                MatchingWeights.DEFAULTS);
    }

    private static long placed(MatchingSolution solution) {
        return solution.getReferrals().stream().filter(r -> !r.isPinned() && r.getOffer() != null).count();
    }

    /**
     * A Markdown table. Gaps are in percent, positive when worse: to the best bound of the instance (the tightest
     * medium bound any solver proved; the soft bound only holds among answers with the best medium score, so it is
     * given for those only) and to the best answer known (the best score any solver found; soft only where the
     * medium is the same).
     */
    static void print(List<Row> rows) {
        System.out.println();
        System.out.println("| instance | solver | hard | medium | soft | placed | medium gap to bound | "
                + "soft gap to bound | medium gap to best | soft gap to best | time | first feasible | peak heap | "
                + "note |");
        System.out.println("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        for (Row row : rows) {
            List<Row> same = rows.stream().filter(r -> r.instance().equals(row.instance())).toList();
            HardMediumSoftLongScore best = same.stream().map(Row::score).max(HardMediumSoftLongScore::compareTo)
                    .orElseThrow();
            Long mediumBound = same.stream().map(r -> r.bound().medium()).filter(b -> b != null)
                    .min(Long::compare).orElse(null);
            Long softBound = same.stream().filter(r -> r.bound().soft() != null).map(r -> r.bound().soft())
                    .min(Long::compare).orElse(null);
            long medium = row.score().mediumScore();
            long soft = row.score().softScore();
            System.out.printf("| %s | %s | %d | %d | %d | %d | %s | %s | %s | %s | %s | %s | %d MiB | %s |%n",
                    row.instance(), row.solver(), row.score().hardScore(), medium, soft, row.placed(),
                    mediumBound == null ? "–" : gap(medium, mediumBound),
                    softBound == null || medium != mediumBound ? "–" : gap(soft, softBound),
                    gap(medium, best.mediumScore()),
                    medium != best.mediumScore() ? "–" : gap(soft, best.softScore()),
                    seconds(row.millis()),
                    row.firstFeasibleMillis() < 0 ? "never" : seconds(row.firstFeasibleMillis()),
                    row.peakHeapBytes() >> 20, row.note());
        }
    }

    /** How much worse than the reference, in percent of the reference (scores are penalties, so at most 0). */
    static String gap(long score, long reference) {
        if (reference == 0) {
            return score == 0 ? "0.00 %" : "∞";
        }
        return String.format("%.2f %%", 100.0 * (reference - score) / Math.abs(reference));
    }

    private static String seconds(long millis) {
        return String.format("%.2f s", millis / 1000.0);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static List<Integer> ints(String list) {
        return list.isBlank() ? List.of() : Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf)
                .toList();
    }
}
