package nl.passend.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.lang.Nullable;

import nl.passend.api.model.ContractUsageDto;
import nl.passend.api.model.MunicipalityUsageDto;
import nl.passend.shared.Euros;

/**
 * A contract's usage as bars to draw server-side in SVG: places held now against the volume ceiling, euros used and
 * committed against the budget. Only what the report gives is drawn: a protected count ({@code <5}) is drawn as the
 * range it stands for, a hidden one ({@code x}) and euros the reader may not see are not drawn at all.
 */
final class UsageChart {

    /** The width of a bar's track in the drawing, in its units. */
    static final int TRACK = 600;
    /** The height of one bar with its label. */
    static final int ROW = 64;

    /**
     * One bar: the message that labels it and its arguments; the widths of the part used, of the part committed
     * (euros), of a range for a protected count; where the ceiling lies; whether the use is over it.
     */
    record Bar(String key, Object[] args, double used, double committed, double rangeFrom, double range,
            @Nullable Double ceilingAt, boolean over, int y) {
    }

    record Chart(List<Bar> bars, int height) {

        /** The width of a bar's track, for the template. */
        public int track() {
            return TRACK;
        }
    }

    private UsageChart() {
    }

    static Chart of(ContractUsageDto usage, Locale locale) {
        List<Bar> bars = new ArrayList<>();
        places(usage, bars.size() * ROW).ifPresent(bars::add);
        euros(usage, bars.size() * ROW, locale).ifPresent(bars::add);
        return new Chart(bars, Math.max(1, bars.size()) * ROW);
    }

    /**
     * The split of the euros used between the municipalities, each bar its share of the whole cost (the track); none
     * when the report gives no split, or no euro has been used yet.
     */
    static Chart split(ContractUsageDto usage, Map<String, String> names, Locale locale) {
        List<Bar> bars = new ArrayList<>();
        for (MunicipalityUsageDto municipality : usage.getMunicipalities()) {
            Double share = municipality.getShareOfCostPercent();
            if (share == null || municipality.getEurosUsed() == null) {
                return new Chart(List.of(), ROW);
            }
            Object[] args = {names.getOrDefault(municipality.getMunicipality(), municipality.getMunicipality()),
                    Euros.format(municipality.getEurosUsed(), locale), percent(share, locale)};
            bars.add(new Bar("usage.splitBar", args, width(share, 100), 0, 0, 0, null, false, bars.size() * ROW));
        }
        return new Chart(bars, Math.max(1, bars.size()) * ROW);
    }

    private static Optional<Bar> places(ContractUsageDto usage, int y) {
        Integer ceiling = usage.getVolumeCeiling();
        String now = usage.getPlacementsNow();
        Object[] args = {now, ceiling == null ? "–" : ceiling};
        String key = ceiling == null ? "usage.placesBarNoCeiling" : "usage.placesBar";
        if (now.matches("\\d+")) {
            long count = Long.parseLong(now);
            double scale = Math.max(1, Math.max(count, ceiling == null ? count : ceiling));
            return Optional.of(new Bar(key, args, width(count, scale), 0, 0, 0,
                    ceiling == null ? null : width(ceiling, scale), ceiling != null && count > ceiling, y));
        }
        if (now.equals(SmallCells.SMALL)) {
            double scale = Math.max(SmallCells.THRESHOLD - 1, ceiling == null ? 0 : ceiling);
            return Optional.of(new Bar(key, args, 0, 0, width(1, scale),
                    width(SmallCells.THRESHOLD - 2, scale), ceiling == null ? null : width(ceiling, scale), false, y));
        }
        return Optional.empty();
    }

    private static Optional<Bar> euros(ContractUsageDto usage, int y, Locale locale) {
        if (usage.getEurosUsed() == null || usage.getEurosCommitted() == null) {
            return Optional.empty();
        }
        double used = usage.getEurosUsed();
        double committed = usage.getEurosCommitted();
        Double budget = usage.getBudgetCeiling();
        double scale = Math.max(1, Math.max(committed, Math.max(used, budget == null ? 0 : budget)));
        Object[] args = {Euros.format(used, locale), Euros.format(committed, locale), Euros.format(budget, locale),
                usage.getBudgetCommittedPercent() == null ? "–" : percent(usage.getBudgetCommittedPercent(), locale)};
        return Optional.of(new Bar(budget == null ? "usage.eurosBarNoCeiling" : "usage.eurosBar", args,
                width(used, scale), width(committed, scale), 0, 0, budget == null ? null : width(budget, scale),
                budget != null && committed > budget, y));
    }

    private static double width(double value, double scale) {
        return Math.round(value / scale * TRACK * 10) / 10.0;
    }


    /** "81,3 %" in Dutch, "81.3 %" in English. */
    static String percent(double percent, Locale locale) {
        return new DecimalFormat("0.0", symbols(locale)).format(percent) + " %";
    }

    private static DecimalFormatSymbols symbols(Locale locale) {
        return DecimalFormatSymbols.getInstance("en".equals(locale.getLanguage()) ? Locale.ENGLISH
                : Locale.forLanguageTag("nl-NL"));
    }
}
