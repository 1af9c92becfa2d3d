package nl.passend.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small-cell protection of published counts. A count from 1 to 4 is shown as {@code <5} (primary suppression). In a
 * breakdown shown with its exact total, a single suppressed cell could be worked out as the total less the others;
 * then the smallest other cell that is not zero is hidden as {@code x} as well (complementary suppression). Zero is
 * shown: it says that no youth is there.
 */
final class SmallCells {

    static final int THRESHOLD = 5;
    static final String SMALL = "<5";
    static final String HIDDEN = "x";

    private SmallCells() {
    }

    /** A count on its own. */
    static String count(long count) {
        return count > 0 && count < THRESHOLD ? SMALL : Long.toString(count);
    }

    /** A breakdown as published, and its total. */
    record Breakdown<K>(String total, Map<K, String> cells) {
    }

    /** The cells of a breakdown and their total, protected together; the cells keep their order. */
    static <K> Breakdown<K> breakdown(Map<K, Long> cells) {
        long total = cells.values().stream().mapToLong(Long::longValue).sum();
        Map<K, String> shown = new LinkedHashMap<>();
        cells.forEach((key, count) -> shown.put(key, count(count)));
        long suppressed = shown.values().stream().filter(SMALL::equals).count();
        boolean totalExact = !count(total).equals(SMALL);
        if (totalExact && suppressed == 1) {
            cells.entrySet().stream()
                    .filter(cell -> cell.getValue() > 0 && !shown.get(cell.getKey()).equals(SMALL))
                    .min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .ifPresent(smallest -> shown.put(smallest.getKey(), HIDDEN));
        }
        return new Breakdown<>(count(total), shown);
    }
}
