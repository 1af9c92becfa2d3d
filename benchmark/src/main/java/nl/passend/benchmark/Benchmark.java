package nl.passend.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.impl.solver.DefaultSolver;

import nl.passend.benchmark.SyntheticRegion.Instance;
import nl.passend.benchmark.SyntheticRegion.Supply;
import nl.passend.solver.MatchingEngine;
import nl.passend.solver.MatchingProblem;
import nl.passend.solver.MatchingSolution;
import nl.passend.solver.MatchingWeights;

/**
 * Runs, for each synthetic instance, the greedy baseline, the matching engine at several time limits and the exact
 * reference, scores every solution by the engine's own constraints and prints one table. Arguments, all optional:
 * {@code --sizes 500,5000,20000}, {@code --scarce 500,5000} (sizes that also get a scarce instance),
 * {@code --limits 1,10,30} (engine seconds), {@code --exact-limit 60} (seconds per stage of the exact reference),
 * {@code --seed 2026}.
 */
public final class Benchmark {

    /** One solver's result on one instance. */
    record Row(String instance, String solver, HardMediumSoftLongScore score, long placed, long millis,
            long firstFeasibleMillis, long scoreCalculationsPerSecond, long peakHeapBytes, String note) {
    }

    private final SolutionManager<MatchingSolution, HardMediumSoftLongScore> scoring =
            SolutionManager.create(new MatchingEngine().solverFactory(Duration.ofSeconds(1)));

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        List<Integer> sizes = ints(option(args, "--sizes", "500,5000,20000"));
        List<Integer> scarce = ints(option(args, "--scarce", "500,5000"));
        List<Integer> limits = ints(option(args, "--limits", "1,10,30"));
        Duration exactLimit = Duration.ofSeconds(Long.parseLong(option(args, "--exact-limit", "60")));
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
                    score.isFeasible() ? millis : -1, -1, heap.peakBytes(), "");
        }
    }

    private Row engine(Instance instance, Duration limit) {
        MatchingSolution problem = problem(instance);
        try (HeapWatch heap = new HeapWatch()) {
            Solver<MatchingSolution> solver = new MatchingEngine().solverFactory(limit).buildSolver();
            AtomicLong firstFeasible = new AtomicLong(-1);
            solver.addEventListener(event -> {
                if (firstFeasible.get() < 0 && event.getNewBestScore().isFeasible()) {
                    firstFeasible.set(event.getTimeMillisSpent());
                }
            });
            long started = System.nanoTime();
            MatchingSolution solved = solver.solve(problem);
            long millis = (System.nanoTime() - started) / 1_000_000;
            long calculations = ((DefaultSolver<MatchingSolution>) solver).getSolverScope().getScoreCalculationCount();
            HardMediumSoftLongScore score = scoring.update(solved);
            if (!score.equals(solved.getScore())) {
                throw new IllegalStateException("The engine reported " + solved.getScore() + ", rescored " + score);
            }
            return new Row(instance.name(), "engine " + limit.toSeconds() + " s", score, placed(solved), millis,
                    firstFeasible.get(), calculations * 1000 / Math.max(1, millis), heap.peakBytes(), "");
        }
    }

    private Row exact(Instance instance, Duration limitPerStage) {
        MatchingSolution problem = GreedyBaseline.solve(problem(instance));
        try (HeapWatch heap = new HeapWatch()) {
            ExactReference.Result result = ExactReference.solve(problem, limitPerStage);
            HardMediumSoftLongScore score = scoring.update(result.solution());
            String note = (result.provedOptimal() ? "proved optimal" : "not proved: medium bound "
                    + bound(result.mediumBound()) + ", soft bound " + bound(result.softBound())) + "; "
                    + result.variables()
                    + " variables, " + result.constraints() + " constraints; " + result.status()
                    + "; started from the greedy solution";
            return new Row(instance.name(), "exact (SCIP)", score, placed(result.solution()), result.millis(),
                    score.isFeasible() ? result.millis() : -1, -1, heap.peakBytes(), note);
        }
    }

    /** A bound on a score, or "none" where SCIP had none better than the trivial (before its first LP, say). */
    private static String bound(long bound) {
        return bound > 0 || bound == Long.MIN_VALUE ? "none" : Long.toString(bound);
    }

    private static MatchingSolution problem(Instance instance) {
        return MatchingProblem.of(instance.offers(), instance.contracts(), instance.open(), instance.existing(),
                MatchingWeights.DEFAULTS);
    }

    private static long placed(MatchingSolution solution) {
        return solution.getReferrals().stream().filter(r -> !r.isPinned() && r.getOffer() != null).count();
    }

    /** A Markdown table; gaps are against the exact reference of the same instance, positive when worse. */
    static void print(List<Row> rows) {
        System.out.println();
        System.out.println("| instance | solver | hard | medium | soft | medium gap | soft gap | placed | time | "
                + "first feasible | score calc/s | peak heap | note |");
        System.out.println("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        for (Row row : rows) {
            Row exact = rows.stream().filter(r -> r.instance().equals(row.instance()) && r.solver().startsWith("exact"))
                    .findFirst().orElse(null);
            System.out.printf("| %s | %s | %d | %d | %d | %s | %s | %d | %s | %s | %s | %d MiB | %s |%n",
                    row.instance(), row.solver(), row.score().hardScore(), row.score().mediumScore(),
                    row.score().softScore(),
                    exact == null ? "" : gap(row.score().mediumScore(), exact.score().mediumScore()),
                    exact == null ? "" : gap(row.score().softScore(), exact.score().softScore()),
                    row.placed(), seconds(row.millis()),
                    row.firstFeasibleMillis() < 0 ? "never" : seconds(row.firstFeasibleMillis()),
                    row.scoreCalculationsPerSecond() < 0 ? "–" : String.format("%,d", row.scoreCalculationsPerSecond()),
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
