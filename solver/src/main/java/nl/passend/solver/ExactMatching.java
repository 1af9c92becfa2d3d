package nl.passend.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Predicate;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * The second phase of the engine: solves the score as a program ({@link MatchingProgram}), lexicographically, medium
 * first and then soft with the medium kept, hands the best answer it finds to local search, and records how far that
 * answer may be from the optimum ({@link ScoreBound}).
 *
 * Medium, within 65 % of the run's time limit:
 * <ol>
 * <li>the linear relaxation (GLOP), for a bound; it is integral but for the budgets, so rounding it is close;</li>
 * <li>the program with every referral that the relaxation places whole kept there (SCIP): the rest is small and is
 * solved within a fraction of a second up to thousands of referrals;</li>
 * <li>until the stage's time is up, large neighbourhoods: the referrals that could be paid by a few contracts chosen at
 * random are freed and solved again, the rest kept (SCIP); single-youth moves rarely trade one long stay for two short
 * ones under a spent budget, a program does. Meanwhile, on programs small enough, the whole program on a second
 * thread (SCIP), which proves small regions optimal and tightens the bound of larger ones.</li>
 * </ol>
 * Soft, until 85 % of the limit: the same, keeping the medium points saved. When both stages are proven optimal,
 * ties are broken by the offers' ids, so that an unchanged region gets the same proposals twice. Where the relaxation
 * cannot be solved in time, the phase leaves the time to local search and records the bound of placing everyone who
 * has an offer to choose. In both cases where the relaxation gives no bound (too large to try, or not solved in
 * time), a second thread lowers the bound by Lagrangian relaxation ({@link MatchingProgram#lagrangianMediumBound})
 * until the run ends ({@link #finish}): it scales where the relaxation does not, but at 20,000 referrals a useful
 * bound takes most of a minute, too long for a share of the phase's own thread.
 */
public final class ExactMatching implements CustomPhaseCommand<MatchingSolution> {

    /** Above this many options the whole program takes longer than the neighbourhoods to improve on. */
    static final int MOST_OPTIONS_FOR_WHOLE = 40_000;

    /**
     * About how many options GLOP relaxes in a second (measured: 11,700 in 0.3 s, 74,000 in 9 s on one core, and
     * slower than linear): a larger program would spend the time and give no answer, so it is not tried.
     */
    static final long OPTIONS_RELAXED_PER_SECOND = 8_000;

    /** Less time than this is not worth starting SCIP for: building and presolving alone can take that long. */
    static final long MOST_MILLIS_TOO_FEW = 300;

    /** About how many referrals one neighbourhood frees. */
    static final int NEIGHBOURHOOD_REFERRALS = 250;

    private final long timeLimitMillis;
    private final Runnable onProvenOptimal;
    private volatile ScoreBound bound = ScoreBound.NONE;
    /** The medium bound of the Lagrangian relaxation, once it has one. */
    private volatile Long lagrangianMedium;
    private final Map<Long, Offer> provenAnswer = new HashMap<>();
    private Thread lagrangian;

    /**
     * @param timeLimitMillis the whole run's time limit, of which this phase takes about 85 %
     * @param onProvenOptimal called when the answer is proven optimal, so that the run can stop
     */
    public ExactMatching(long timeLimitMillis, Runnable onProvenOptimal) {
        this.timeLimitMillis = timeLimitMillis;
        this.onProvenOptimal = onProvenOptimal;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<MatchingSolution> director) {
        long started = System.currentTimeMillis();
        MatchingSolution solution = director.getWorkingSolution();
        long mediumEnd = started + timeLimitMillis * 65 / 100;
        long relaxationLimit = left(mediumEnd) * 4 / 5;
        if (options(solution) > OPTIONS_RELAXED_PER_SECOND * relaxationLimit / 1000) {
            // Without the relaxation's rounding, neighbourhoods improve on construction no faster than local search.
            bound = new ScoreBound(placingEveryoneWhoCanBe(solution), null, false);
            boundByLagrangianRelaxation(solution, null, null);
            return;
        }
        MatchingProgram program = MatchingProgram.of(solution);
        boolean[] all = new boolean[program.open().size()];
        Arrays.fill(all, true);
        int[] best = program.choiceOf(solution);

        double savedBound = Double.POSITIVE_INFINITY;
        MatchingProgram.Answer relaxation = program.solve(MatchingProgram.Goal.MEDIUM, all, best, true,
                relaxationLimit);
        if (relaxation == null) {
            boundByLagrangianRelaxation(solution, program, best.clone());
        }
        if (relaxation != null && left(mediumEnd) > MOST_MILLIS_TOO_FEW) {
            savedBound = relaxation.bound();
            MatchingProgram.Answer rounded = program.solve(MatchingProgram.Goal.MEDIUM, notWhole(relaxation),
                    whole(relaxation, best), false, left(mediumEnd));
            best = better(program, best, rounded);
        }
        Random random = new Random(0);
        Neighbourhoods neighbourhoods = new Neighbourhoods(program);
        long relaxedBound = program.mediumScoreBound(savedBound);
        Stage medium = stage(program, MatchingProgram.Goal.MEDIUM, best, mediumEnd,
                answer -> program.mediumScore(answer) >= relaxedBound, neighbourhoods, random);
        best = medium.best();
        if (medium.whole() != null) {
            savedBound = Math.min(savedBound, medium.whole().bound());
        }
        long mediumBound = program.mediumScoreBound(savedBound);
        boolean mediumProven = program.mediumScore(best) >= mediumBound;

        long softEnd = started + timeLimitMillis * 85 / 100;
        Stage soft = stage(program, MatchingProgram.Goal.SOFT, best, softEnd, answer -> false, neighbourhoods, random);
        best = soft.best();
        Long softBound = mediumProven && soft.whole() != null ? program.softScoreBound(soft.whole().bound()) : null;
        boolean softProven = softBound != null && program.softScore(best) >= softBound;
        if (softProven) {
            MatchingProgram.Answer ties = program.solve(MatchingProgram.Goal.TIES, all, best, false,
                    Math.max(left(softEnd), timeLimitMillis / 10));
            if (ties != null && ties.optimal()) {
                best = ties.choice();
            }
        }

        apply(director, program, best);
        bound = new ScoreBound(mediumBound, softBound, mediumProven && softProven);
        provenAnswer.clear();
        if (bound.provenOptimal()) {
            program.open().forEach(referral -> provenAnswer.put(referral.getId(), referral.getOffer()));
        }
        if (mediumProven && softProven) {
            onProvenOptimal.run();
        }
    }

    /**
     * Starts lowering the bound on a second thread until {@link #finish}: this one goes on with the phase or with
     * local search. The steps aim at the answer known now; once local search changes the offers, they no longer say.
     *
     * @param built the program, or {@code null} to build it on the second thread (the program of 20,000 referrals
     *        takes a while)
     * @param aim the answer to aim at, as choices in {@code built}; {@code null} for the solution's offers now
     */
    private void boundByLagrangianRelaxation(MatchingSolution solution, MatchingProgram built, int[] aim) {
        Map<Long, Offer> now = new HashMap<>();
        solution.getReferrals().forEach(referral -> now.put(referral.getId(), referral.getOffer()));
        lagrangian = new Thread(() -> {
            MatchingProgram program = built != null ? built : MatchingProgram.of(solution);
            int[] choice = aim;
            if (choice == null) {
                choice = new int[program.open().size()];
                for (int i = 0; i < choice.length; i++) {
                    choice[i] = program.offersOf(i).indexOf(now.get(program.open().get(i).getId()));
                }
            }
            // Until the run ends: finish() stops it sooner.
            double saved = program.lagrangianMediumBound(timeLimitMillis, choice);
            lagrangianMedium = program.mediumScoreBound(saved);
        }, "matching-lagrangian");
        lagrangian.setDaemon(true);
        lagrangian.start();
    }

    /**
     * Ends the work this phase left running once the run is over: a bound still being lowered stops at its next
     * step, and what it proved so far is in {@link #bound()}.
     */
    void finish() {
        if (lagrangian == null) {
            return;
        }
        lagrangian.interrupt();
        try {
            lagrangian.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lagrangian = null;
    }

    private static long options(MatchingSolution solution) {
        return solution.getReferrals().stream().filter(referral -> !referral.isPinned())
                .mapToLong(referral -> referral.getEligibleOffers().size()).sum();
    }

    /** The medium score of placing every referral that has an offer to choose: a bound, if a loose one. */
    private static long placingEveryoneWhoCanBe(MatchingSolution solution) {
        return -solution.getReferrals().stream()
                .filter(referral -> referral.isPinned() ? referral.getOffer() == null
                        : referral.getEligibleOffers().isEmpty())
                .mapToLong(Referral::unplacedPoints).sum();
    }

    /** The best answer of a stage, and the whole program's answer where it was solved. */
    private record Stage(int[] best, MatchingProgram.Answer whole) {
    }

    /**
     * One stage: where the program is small enough, the whole of it on a second thread (SCIP runs on one) for half
     * the stage's time, for a proof or a tighter bound; meanwhile neighbourhoods on this thread, from the whole's
     * answer once it has one, until the whole is proven optimal, the answer reaches {@code proven}, or the time is up.
     */
    private static Stage stage(MatchingProgram program, MatchingProgram.Goal goal, int[] start, long end,
            Predicate<int[]> proven, Neighbourhoods neighbourhoods, Random random) {
        FutureTask<MatchingProgram.Answer> whole = null;
        if (program.size() <= MOST_OPTIONS_FOR_WHOLE && left(end) > MOST_MILLIS_TOO_FEW) {
            boolean[] all = new boolean[program.open().size()];
            Arrays.fill(all, true);
            long limit = left(end) / 2;
            whole = new FutureTask<>(() -> program.solve(goal, all, start, false, limit));
            Thread thread = new Thread(whole, "matching-exact");
            thread.setDaemon(true);
            thread.start();
        }
        int[] best = start;
        MatchingProgram.Answer answer = null;
        boolean taken = whole == null;
        while (!proven.test(best) && left(end) > MOST_MILLIS_TOO_FEW) {
            if (!taken && whole.isDone()) {
                answer = answer(whole);
                best = better(program, best, answer);
                taken = true;
                if (answer != null && answer.optimal()) {
                    break;
                }
            }
            best = better(program, best, program.solve(goal, neighbourhoods.next(random), best, false,
                    Math.min(left(end), 2_000)));
        }
        if (!taken) {
            answer = answer(whole);
            best = better(program, best, answer);
        }
        return new Stage(best, answer);
    }

    /** The whole program's answer, waiting for it if need be. */
    private static MatchingProgram.Answer answer(FutureTask<MatchingProgram.Answer> whole) {
        try {
            return whole.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Solving the whole program failed", e.getCause());
        }
    }

    /** What the last run of this phase proved; {@link ScoreBound#NONE} before it ran. */
    public ScoreBound bound() {
        ScoreBound recorded = bound;
        Long lagrangianBound = lagrangianMedium;
        if (lagrangianBound == null || recorded.medium() != null && recorded.medium() <= lagrangianBound) {
            return recorded;
        }
        return new ScoreBound(lagrangianBound, recorded.soft(), recorded.provenOptimal());
    }

    /**
     * Gives a solution of the same problem the answer this phase proved optimal, with its ties broken. OptaPlanner
     * keeps the first of equally good answers as the best, which may be the construction's with other ties.
     */
    void proposeProvenAnswer(MatchingSolution solution) {
        if (bound.provenOptimal()) {
            solution.getReferrals().stream().filter(referral -> provenAnswer.containsKey(referral.getId()))
                    .forEach(referral -> referral.setOffer(provenAnswer.get(referral.getId())));
        }
    }

    /** The referrals the relaxation does not place whole somewhere. */
    private static boolean[] notWhole(MatchingProgram.Answer relaxation) {
        double[][] values = relaxation.values();
        boolean[] free = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            free[i] = Arrays.stream(values[i]).noneMatch(value -> value > 1 - 1e-6);
        }
        return free;
    }

    /** The relaxation's whole placements, and the given choice for the rest, as a hint. */
    private static int[] whole(MatchingProgram.Answer relaxation, int[] given) {
        double[][] values = relaxation.values();
        int[] choice = given.clone();
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[i].length; j++) {
                if (values[i][j] > 1 - 1e-6) {
                    choice[i] = j;
                }
            }
        }
        return choice;
    }

    /** Sets of referrals to solve again: those that could be paid by a few contracts drawn at random. */
    private static final class Neighbourhoods {

        /** For each option, its contract: drawn from these, a contract that many could use is drawn more often. */
        private final List<Contract> drawn = new ArrayList<>();
        private final Map<Contract, List<Integer>> referralsOf = new HashMap<>();
        private final int size;

        Neighbourhoods(MatchingProgram program) {
            size = program.open().size();
            for (int i = 0; i < size; i++) {
                Referral referral = program.open().get(i);
                for (Offer offer : program.offersOf(i)) {
                    Contract contract = referral.contractAt(offer);
                    drawn.add(contract);
                    List<Integer> referrals = referralsOf.computeIfAbsent(contract, c -> new ArrayList<>());
                    if (referrals.isEmpty() || referrals.get(referrals.size() - 1) != i) {
                        referrals.add(i);
                    }
                }
            }
        }

        boolean[] next(Random random) {
            boolean[] free = new boolean[size];
            int freed = 0;
            for (int tries = 0; tries < 20 && freed < Math.min(NEIGHBOURHOOD_REFERRALS, size); tries++) {
                for (int i : referralsOf.get(drawn.get(random.nextInt(drawn.size())))) {
                    if (!free[i]) {
                        free[i] = true;
                        freed++;
                    }
                }
            }
            return free;
        }
    }

    /** The answer with the better score, medium first; the given one when there is no answer or no gain. */
    private static int[] better(MatchingProgram program, int[] given, MatchingProgram.Answer answer) {
        if (answer == null) {
            return given;
        }
        long medium = program.mediumScore(answer.choice());
        long givenMedium = program.mediumScore(given);
        boolean better = medium > givenMedium
                || medium == givenMedium && program.softScore(answer.choice()) > program.softScore(given);
        return better ? answer.choice() : given;
    }

    private static void apply(ScoreDirector<MatchingSolution> director, MatchingProgram program, int[] choice) {
        for (int i = 0; i < choice.length; i++) {
            Referral referral = program.open().get(i);
            Offer offer = choice[i] < 0 ? null : program.offersOf(i).get(choice[i]);
            if (referral.getOffer() != offer) {
                director.beforeVariableChanged(referral, "offer");
                referral.setOffer(offer);
                director.afterVariableChanged(referral, "offer");
            }
        }
        director.triggerVariableListeners();
    }

    /** The time left until the end, or none once the thread is interrupted (the application stops). */
    private static long left(long end) {
        return Thread.currentThread().isInterrupted() ? 0 : end - System.currentTimeMillis();
    }
}
