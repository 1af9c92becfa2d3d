package nl.passend.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.config.solver.EnvironmentMode;

class MatchingEngineTests {

    private static final LocalDate START = LocalDate.of(2026, 12, 1);

    @Test
    void findsTheOptimumOfASmallCaseByTheScoreDefinition() {
        // Zutphen's youth A needs level 2, youth B level 3. Apeldoorn (18 km) offers one place at level 2, Zutphen
        // (0 km) one at level 3. Giving A the Zutphen place would leave B without one (medium 2 * (7 + 0)), so the
        // optimum is A in Apeldoorn and B in Zutphen: soft 18 km + 22 + 22 tariff points, no security above the minimum.
        Offer apeldoorn = offer(1, 1, 52.2112, 5.9699, 2, 1);
        Offer zutphen = offer(2, 2, 52.1389, 6.2011, 3, 1);
        Contract contract = contract(1, null, null);
        Demand a = demand(1, Urgency.HIGH, 2, Set.of());
        Demand b = demand(2, Urgency.HIGH, 3, Set.of());

        MatchingSolution solved = new MatchingEngine(EnvironmentMode.FULL_ASSERT).solve(
                MatchingProblem.of(List.of(apeldoorn, zutphen), List.of(contract), List.of(a, b), List.of(), MatchingWeights.DEFAULTS),
                Duration.ofSeconds(2), score -> { });

        Map<Long, Offer> placed = new HashMap<>();
        solved.getReferrals().forEach(referral -> placed.put(referral.getId(), referral.getOffer()));
        assertThat(placed.get(1L)).isEqualTo(apeldoorn);
        assertThat(placed.get(2L)).isEqualTo(zutphen);
        assertThat(solved.getScore()).isEqualTo(HardMediumSoftLongScore.of(0, 0, -(18 + 22 + 22)));
    }

    @Test
    void solvesAGeneratedRegionUnderFullAssertWithoutHardViolationsAndKeepsPinnedPlacements() {
        Random random = new Random(20261129);
        List<Offer> offers = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            offers.add(new Offer(i, i, 1, "GM0" + (100 + i % 10), 52 + random.nextDouble(), 6 + random.nextDouble(),
                    i % 2 == 0 ? "43" : "44", random.nextInt(5), 12, 18, Set.of("MALE", "FEMALE"), Set.of(),
                    1 + random.nextInt(6)));
        }
        Set<String> municipalities = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            municipalities.add("GM0" + (100 + i));
        }
        Contract contract = new Contract(1, 1, municipalities, Map.of("43", 450_00L, "44", 300_00L),
                START.minusYears(1), START.plusYears(1), 80, 3_000_000_00L);

        List<Demand> open = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            open.add(new Demand(i, Urgency.values()[random.nextInt(3)], random.nextInt(60), i % 2 == 0 ? "43" : "44",
                    random.nextInt(4), 12 + random.nextInt(7), random.nextBoolean() ? "MALE" : "FEMALE", Set.of(),
                    "GM0" + (100 + random.nextInt(10)), 52 + random.nextDouble(), 6 + random.nextDouble(), Set.of(),
                    START, 60 + random.nextInt(120), i % 25 == 0 ? "G" + (i % 3) : null));
        }
        List<MatchingProblem.ExistingPlacement> existing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Offer offer = offers.get(i);
            existing.add(new MatchingProblem.ExistingPlacement(new Demand(1000 + i, Urgency.NORMAL, 0,
                    offer.careType(), 0, 15, "MALE", Set.of(), "GM0100", 52, 6, Set.of(), START, 90, null),
                    offer.id(), contract.id()));
        }

        MatchingSolution solved = new MatchingEngine(EnvironmentMode.FULL_ASSERT).solve(
                MatchingProblem.of(offers, List.of(contract), open, existing, MatchingWeights.DEFAULTS), Duration.ofSeconds(5), score -> { });

        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getReferrals().stream().filter(Referral::isPinned))
                .hasSize(10)
                .allSatisfy(pinned -> assertThat(pinned.getOffer()).isEqualTo(offers.get((int) pinned.getId() - 1000)));
        assertThat(solved.getReferrals().stream().filter(referral -> referral.getOffer() != null))
                .hasSizeGreaterThan(50);
    }

    static Offer offer(long id, long location, double latitude, double longitude, int securityLevel, int capacity) {
        return new Offer(id, location, 1, "GM0" + (200 + id), latitude, longitude, "43", securityLevel, 12, 18,
                Set.of("MALE"), Set.of("LVB"), capacity);
    }

    static Contract contract(long id, Integer volumeCeiling, Long budgetCeilingCents) {
        return new Contract(id, 1, Set.of("GM0301"), Map.of("43", 450_00L), START.minusMonths(6), START.plusMonths(6),
                volumeCeiling, budgetCeilingCents);
    }

    /** A 16-year-old from Zutphen who needs care type 43 with LVB. */
    static Demand demand(long id, Urgency urgency, int minSecurityLevel, Set<String> excluded) {
        return new Demand(id, urgency, 0, "43", minSecurityLevel, 16, "MALE", Set.of("LVB"), "GM0301", 52.1389,
                6.2011, excluded, START, 100, null);
    }
}
