package nl.passend.solver;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A problem fact: a contract as matching sees it. Money is in euro cents, so that sums are exact.
 *
 * @param dailyTariffCents per care type
 * @param volumeCeiling the most placements at once, or {@code null} for none
 * @param budgetCeilingCents the budget for the whole validity period, or {@code null} for none
 */
public record Contract(long id, long providerId, Set<String> municipalities, Map<String, Long> dailyTariffCents,
        LocalDate validFrom, LocalDate validUntil, Integer volumeCeiling, Long budgetCeilingCents) {

    public long dailyTariffCents(String careType) {
        return dailyTariffCents.getOrDefault(careType, 0L);
    }
}
