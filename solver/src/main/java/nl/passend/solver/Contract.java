package nl.passend.solver;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A problem fact: a contract as matching sees it. Money is in euro cents, so that sums are exact. A contract is known
 * by its id, like an {@link Offer}, so that grouping placements by contract does not hash its municipalities and
 * tariffs at every move.
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

    /**
     * What a stay costs under this contract: the daily tariff for the care type times the days of the stay. The one
     * place of this sum: the budget constraint, the placement service, unmet demand and the scenario figures use it
     * (DESIGN.md: every placement costs daily tariff × expected duration in days).
     */
    public long costCents(String careType, int days) {
        return dailyTariffCents(careType) * days;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Contract contract && contract.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
