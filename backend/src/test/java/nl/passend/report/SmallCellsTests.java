package nl.passend.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Counts from 1 to 4 are never published, and cannot be worked out from a breakdown's total. */
class SmallCellsTests {

    @Test
    void showsCountsFromFiveAndZeroAsTheyAre() {
        assertThat(SmallCells.count(0)).isEqualTo("0");
        assertThat(SmallCells.count(1)).isEqualTo("<5");
        assertThat(SmallCells.count(4)).isEqualTo("<5");
        assertThat(SmallCells.count(5)).isEqualTo("5");
    }

    @Test
    void hidesTheSmallestOtherCellWhenOneSmallCellCouldBeWorkedOutFromTheTotal() {
        SmallCells.Breakdown<String> shown = SmallCells.breakdown(cells("A", 9, "B", 2, "C", 6, "D", 0));
        assertThat(shown.total()).isEqualTo("17");
        assertThat(shown.cells()).containsExactly(Map.entry("A", "9"), Map.entry("B", "<5"), Map.entry("C", "x"),
                Map.entry("D", "0"));
    }

    @Test
    void needsNoSecondCellWhenTwoAreSmallOrTheTotalIsSmall() {
        assertThat(SmallCells.breakdown(cells("A", 9, "B", 2, "C", 3)).cells())
                .containsExactly(Map.entry("A", "9"), Map.entry("B", "<5"), Map.entry("C", "<5"));
        SmallCells.Breakdown<String> small = SmallCells.breakdown(cells("A", 3, "B", 0));
        assertThat(small.total()).isEqualTo("<5");
        assertThat(small.cells()).containsExactly(Map.entry("A", "<5"), Map.entry("B", "0"));
    }

    @Test
    void hidesTheTotalWhenNoOtherCellCanHideASmallOne() {
        SmallCells.Breakdown<String> shown = SmallCells.breakdown(cells("A", 5, "B", 1));
        assertThat(shown.cells()).containsExactly(Map.entry("A", "x"), Map.entry("B", "<5"));
        assertThat(shown.total()).as("5 + 1: with the total, x >= 5 pins B to 1").isEqualTo("x");
    }

    @Test
    void hidesMoreWhenTwoSmallCellsAddUpToTooLittle() {
        SmallCells.Breakdown<String> shown = SmallCells.breakdown(cells("A", 9, "B", 1, "C", 1, "D", 7));
        assertThat(shown.cells().get("B")).isEqualTo("<5");
        assertThat(shown.cells().get("C")).isEqualTo("<5");
        assertThat(shown.cells().get("D")).as("2 left for two cells of at least 1 pins both").isEqualTo("x");
    }

    /**
     * On random breakdowns, every assignment of the hidden cells that the published figures allow is counted out:
     * each {@code <5} cell must have at least two possible values.
     */
    @Test
    void neverLeavesASmallCellThatTheOthersAndTheTotalGiveAway() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            Map<String, Long> cells = new LinkedHashMap<>();
            int size = 2 + random.nextInt(5);
            for (int cell = 0; cell < size; cell++) {
                cells.put("c" + cell, (long) (random.nextInt(3) == 0 ? 0 : random.nextInt(12)));
            }
            SmallCells.Breakdown<String> shown = SmallCells.breakdown(cells);
            cells.forEach((key, count) -> {
                if (count > 0 && count < 5) {
                    assertThat(shown.cells().get(key)).as("%s", cells).isEqualTo("<5");
                }
            });
            List<String> keys = List.copyOf(cells.keySet());
            long total = cells.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Set<Long>> possible = new HashMap<>();
            enumerate(keys, 0, new long[keys.size()], shown, total, possible);
            for (String key : keys) {
                if (shown.cells().get(key).equals("<5")) {
                    assertThat(possible.get(key)).as("values of %s in %s shown as %s", key, cells, shown).hasSizeGreaterThan(1);
                }
            }
        }
    }

    /** Every assignment of values to the cells that fits what is published, collected per cell. */
    private static void enumerate(List<String> keys, int at, long[] values, SmallCells.Breakdown<String> shown,
            long total, Map<String, Set<Long>> possible) {
        if (at == keys.size()) {
            long sum = 0;
            for (long value : values) {
                sum += value;
            }
            boolean fits = shown.total().equals("<5") ? sum >= 1 && sum <= 4
                    : shown.total().equals("x") ? sum >= 5 : sum == Long.parseLong(shown.total());
            if (fits) {
                for (int i = 0; i < keys.size(); i++) {
                    possible.computeIfAbsent(keys.get(i), key -> new HashSet<>()).add(values[i]);
                }
            }
            return;
        }
        String published = shown.cells().get(keys.get(at));
        long from = published.equals("<5") ? 1 : published.equals("x") ? 5 : Long.parseLong(published);
        long to = published.equals("<5") ? 4 : published.equals("x") ? total + 4 : from;
        for (long value = from; value <= to; value++) {
            values[at] = value;
            enumerate(keys, at + 1, values, shown, total, possible);
        }
    }

    private static Map<String, Long> cells(Object... keysAndCounts) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            cells.put((String) keysAndCounts[i], ((Integer) keysAndCounts[i + 1]).longValue());
        }
        return cells;
    }
}
