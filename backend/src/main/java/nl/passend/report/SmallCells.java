package nl.passend.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell protection of published counts. A count from 1 to 4 is shown as {@code <5} (primary suppression); zero
 * is shown, it says that no youth is there. A breakdown is published with its total, and a reader who knows these
 * rules can bound each hidden cell: a {@code <5} lies between 1 and 4, a cell hidden as {@code x} is 5 or more, and
 * the hidden cells add up to the total less the cells shown. While those bounds still pin a {@code <5} cell to one
 * value, the smallest cell still shown that is not zero is hidden as {@code x} as well (complementary suppression);
 * when none is left, the total is hidden too.
 */
public final class SmallCells {

    public static final int THRESHOLD = 5;
    static final String SMALL = "<5";
    static final String HIDDEN = "x";

    private SmallCells() {
    }

    /** A count on its own. */
    public static String count(long count) {
        return count > 0 && count < THRESHOLD ? SMALL : Long.toString(count);
    }

    /**
     * Whether a sum over this many youths, such as their waiting days, care days or euros, may be shown: from
     * {@link #THRESHOLD} youths up, so that no one youth's figure can be read from it.
     */
    static boolean showsSumsOver(long youths) {
        return youths >= THRESHOLD;
    }

    /** A change in a count, such as youths placed more: {@code +<5} or {@code -<5} for 1 to 4 either way. */
    public static String change(long delta) {
        if (delta == 0) {
            return "0";
        }
        String sign = delta > 0 ? "+" : "-";
        return Math.abs(delta) < THRESHOLD ? sign + SMALL : sign + Math.abs(delta);
    }

    /** A breakdown as published, and its total. */
    record Breakdown<K>(String total, Map<K, String> cells) {
    }

    /** The cells of a breakdown and their total, protected together; the cells keep their order. */
    static <K> Breakdown<K> breakdown(Map<K, Long> cells) {
        long total = cells.values().stream().mapToLong(Long::longValue).sum();
        Map<K, String> shown = new LinkedHashMap<>();
        cells.forEach((key, count) -> shown.put(key, count(count)));
        if (count(total).equals(SMALL)) {
            return new Breakdown<>(SMALL, shown);
        }
        while (pinsASmallCell(cells, shown, total)) {
            K smallest = null;
            for (Map.Entry<K, Long> cell : cells.entrySet()) {
                boolean visible = !shown.get(cell.getKey()).equals(SMALL) && !shown.get(cell.getKey()).equals(HIDDEN);
                if (visible && cell.getValue() > 0 && (smallest == null || cell.getValue() < cells.get(smallest))) {
                    smallest = cell.getKey();
                }
            }
            if (smallest == null) {
                return new Breakdown<>(HIDDEN, shown);
            }
            shown.put(smallest, HIDDEN);
        }
        return new Breakdown<>(Long.toString(total), shown);
    }

    /** Whether the published cells and total bound some {@code <5} cell to a single value. */
    private static <K> boolean pinsASmallCell(Map<K, Long> cells, Map<K, String> shown, long total) {
        long rest = total;
        List<long[]> hidden = new ArrayList<>();
        List<Boolean> small = new ArrayList<>();
        for (Map.Entry<K, Long> cell : cells.entrySet()) {
            String value = shown.get(cell.getKey());
            if (value.equals(SMALL)) {
                hidden.add(new long[] {1, THRESHOLD - 1});
                small.add(true);
            } else if (value.equals(HIDDEN)) {
                hidden.add(new long[] {THRESHOLD, total});
                small.add(false);
            } else {
                rest -= cell.getValue();
            }
        }
        long lows = hidden.stream().mapToLong(bounds -> bounds[0]).sum();
        long highs = hidden.stream().mapToLong(bounds -> bounds[1]).sum();
        for (int i = 0; i < hidden.size(); i++) {
            if (small.get(i)) {
                long[] bounds = hidden.get(i);
                long lowest = Math.max(bounds[0], rest - (highs - bounds[1]));
                long highest = Math.min(bounds[1], rest - (lows - bounds[0]));
                if (lowest >= highest) {
                    return true;
                }
            }
        }
        return false;
    }
}
