package nl.passend.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.passend.api.model.ProtectedUrgencyChangesDto;
import nl.passend.api.model.ScenarioFiguresDto;
import nl.passend.api.model.ScenarioResultDto;
import nl.passend.matching.MatchingFacts.Facts;
import nl.passend.report.GapRows;
import nl.passend.report.SmallCells;
import nl.passend.solver.MatchingSolution;
import nl.passend.solver.Referral;
import nl.passend.solver.UnmetDemand;
import nl.passend.solver.UnmetDemandReason;
import nl.passend.solver.Urgency;

/**
 * What a solved matching means for the region: the youths placed and left waiting by urgency, the kilometres from
 * home and the cost per year of the places given (daily tariff × expected stay, at most a year), and the gaps that
 * remain. Only the open referrals count; places held already are the same with or without a change.
 */
record Figures(Map<Urgency, Integer> placed, Map<Urgency, Integer> unplaced, long distanceKm,
        BigDecimal costPerYear, List<GapRows.Unplaced> gaps) {

    static final int DAYS_A_YEAR = 365;

    static Figures of(MatchingSolution solved, Facts facts) {
        Map<Urgency, Integer> placed = byUrgency();
        Map<Urgency, Integer> unplaced = byUrgency();
        long distance = 0;
        long costCents = 0;
        List<GapRows.Unplaced> gaps = new ArrayList<>();
        Map<Long, UnmetDemandReason> reasons = UnmetDemand.classify(solved);
        for (Referral referral : solved.getReferrals()) {
            if (referral.isPinned()) {
                continue;
            }
            if (referral.getOffer() == null) {
                unplaced.merge(referral.getUrgency(), 1, Integer::sum);
                gaps.add(new GapRows.Unplaced(facts.youthRegionByReferral().get(referral.getId()),
                        referral.getCareType(), referral.getMinSecurityLevel(), referral.getUrgency().name(),
                        reasons.get(referral.getId()).name(), referral.getDaysWaiting()));
            } else {
                placed.merge(referral.getUrgency(), 1, Integer::sum);
                distance += referral.distanceKilometres();
                // A year at most: the figure is a cost per year, and a long stay must not outweigh many short ones.
                costCents += referral.getContract().costCents(referral.getCareType(),
                        Math.min(referral.getDemand().expectedDurationDays(), DAYS_A_YEAR));
            }
        }
        return new Figures(placed, unplaced, distance, BigDecimal.valueOf(costCents, 2), gaps);
    }

    int placedCount() {
        return placed.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The figures as published: youths protected, euros for purchasers only. */
    ScenarioFiguresDto toDto(boolean withMoney) {
        return new ScenarioFiguresDto(protect(placed), protect(unplaced), distanceKm)
                .costPerYear(withMoney ? costPerYear.doubleValue() : null);
    }

    /** The change from {@code today} to these figures, with every count of youths protected. */
    ScenarioResultDto comparedWith(Figures today) {
        return new ScenarioResultDto(today.toDto(true), toDto(true),
                SmallCells.change(placedCount() - today.placedCount()), placedMoreByUrgency(today),
                distanceKm - today.distanceKm(), GapRows.rows(gaps))
                .costPerYearChange(costPerYear.subtract(today.costPerYear()).doubleValue());
    }

    ProtectedUrgencyChangesDto placedMoreByUrgency(Figures today) {
        return new ProtectedUrgencyChangesDto(
                SmallCells.change(placed.get(Urgency.CRISIS) - today.placed().get(Urgency.CRISIS)),
                SmallCells.change(placed.get(Urgency.HIGH) - today.placed().get(Urgency.HIGH)),
                SmallCells.change(placed.get(Urgency.NORMAL) - today.placed().get(Urgency.NORMAL)));
    }

    private static Map<Urgency, Integer> byUrgency() {
        Map<Urgency, Integer> counts = new LinkedHashMap<>();
        for (Urgency urgency : Urgency.values()) {
            counts.put(urgency, 0);
        }
        return counts;
    }

    private static Map<String, String> protect(Map<Urgency, Integer> counts) {
        Map<String, String> shown = new LinkedHashMap<>();
        counts.forEach((urgency, count) -> shown.put(urgency.name(), SmallCells.count(count)));
        return shown;
    }
}
