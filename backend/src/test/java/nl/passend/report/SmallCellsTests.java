package nl.passend.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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

    /** On random breakdowns: whenever a small cell is hidden and the total is exact, no hidden cell is alone. */
    @Test
    void neverLeavesAHiddenCellThatTheTotalGivesAway() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            Map<String, Long> cells = new LinkedHashMap<>();
            int size = 2 + random.nextInt(5);
            for (int cell = 0; cell < size; cell++) {
                cells.put("c" + cell, (long) (random.nextInt(3) == 0 ? 0 : random.nextInt(12)));
            }
            SmallCells.Breakdown<String> shown = SmallCells.breakdown(cells);
            List<String> hidden = shown.cells().values().stream().filter(v -> v.equals("<5") || v.equals("x")).toList();
            cells.forEach((key, count) -> {
                if (count > 0 && count < 5) {
                    assertThat(shown.cells().get(key)).as("%s", cells).isEqualTo("<5");
                }
            });
            if (!shown.total().equals("<5")) {
                assertThat(hidden.size()).as("hidden cells of %s", cells).isNotEqualTo(1);
            }
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
