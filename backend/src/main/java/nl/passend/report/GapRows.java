package nl.passend.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.passend.api.model.GapRowDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.reference.SecurityLevel;

/**
 * Unplaced youths as published gap rows: by youth region, care type and security level, with the counts by reason
 * and urgency protected by {@link SmallCells}, and the waiting days of groups of 5 or more.
 */
public final class GapRows {

    static final List<String> REASONS = List.of("NO_OFFER", "NO_CONTRACT", "CEILING", "NO_CAPACITY", "EXCLUDED");
    static final List<String> URGENCIES = List.of("CRISIS", "HIGH", "NORMAL");

    /** One youth left without a place, as far as gap reports know it. */
    public record Unplaced(String youthRegion, String careType, int minSecurityLevel, String urgency, String reason,
            int daysWaiting) {
    }

    private record Group(String youthRegion, String careType, int minSecurityLevel) {
    }

    private GapRows() {
    }

    public static List<GapRowDto> rows(List<Unplaced> unplaced) {
        Map<Group, List<Unplaced>> groups = new TreeMap<>(Comparator.comparing(Group::youthRegion)
                .thenComparing(Group::careType).thenComparingInt(Group::minSecurityLevel));
        for (Unplaced youth : unplaced) {
            groups.computeIfAbsent(new Group(youth.youthRegion(), youth.careType(), youth.minSecurityLevel()),
                    group -> new ArrayList<>()).add(youth);
        }
        return groups.entrySet().stream().map(group -> row(group.getKey(), group.getValue())).toList();
    }

    private static GapRowDto row(Group group, List<Unplaced> unplaced) {
        SmallCells.Breakdown<String> reasons = SmallCells.breakdown(
                counts(REASONS, unplaced.stream().map(Unplaced::reason).toList()));
        SmallCells.Breakdown<String> urgencies = SmallCells.breakdown(
                counts(URGENCIES, unplaced.stream().map(Unplaced::urgency).toList()));
        GapRowDto row = new GapRowDto(group.youthRegion(), group.careType(),
                SecurityLevelDto.valueOf(SecurityLevel.ofLevel(group.minSecurityLevel()).name()), reasons.total(),
                reasons.cells(), urgencies.cells());
        if (SmallCells.showsSumsOver(unplaced.size())) {
            List<Integer> days = unplaced.stream().map(Unplaced::daysWaiting).sorted().toList();
            row.medianDaysWaiting(percentile(days, 50)).p90DaysWaiting(percentile(days, 90));
        }
        return row;
    }

    /** The nearest-rank percentile of sorted values. */
    static int percentile(List<Integer> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static Map<String, Long> counts(List<String> keys, List<String> values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, values.stream().filter(key::equals).count()));
        return counts;
    }
}
