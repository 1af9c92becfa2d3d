package nl.passend.solver;

/**
 * The weights of the default score (DESIGN.md, "Matching"); {@link #DEFAULTS} are the design's. The hard terms
 * have no weight: they say what may not happen, one point per place, per started thousand euros or per pair.
 *
 * @param crisis medium points per day for an unplaced crisis referral
 * @param high medium points per day for an unplaced referral of high urgency
 * @param normal medium points per day for an unplaced referral of normal urgency
 * @param unplacedBaseDays days added to the days waiting of an unplaced referral
 * @param extraSecurityLevel soft points per security level above the minimum
 * @param tariffEurosPerPoint whole euros of daily tariff per soft point
 */
public record MatchingWeights(int crisis, int high, int normal, int unplacedBaseDays, int extraSecurityLevel,
        int tariffEurosPerPoint) {

    public static final MatchingWeights DEFAULTS = new MatchingWeights(4, 2, 1, 7, 50, 20);

    public MatchingWeights {
        if (crisis < 0 || high < 0 || normal < 0 || unplacedBaseDays < 0 || extraSecurityLevel < 0) {
            throw new IllegalArgumentException("Matching weights may not be negative");
        }
        if (tariffEurosPerPoint < 1) {
            throw new IllegalArgumentException("tariffEurosPerPoint must be at least 1");
        }
    }

    /** Medium points for a referral left without a place. */
    public long unplaced(Urgency urgency, int daysWaiting) {
        int perDay = switch (urgency) {
            case CRISIS -> crisis;
            case HIGH -> high;
            case NORMAL -> normal;
        };
        return (long) perDay * (unplacedBaseDays + daysWaiting);
    }

    /** Soft points for a placement this many security levels above the minimum. */
    public long extraSecurity(int levelsAbove) {
        return (long) extraSecurityLevel * Math.max(0, levelsAbove);
    }

    /** Soft points for a daily tariff: its whole euros divided by {@link #tariffEurosPerPoint}, rounded down. */
    public long tariff(long dailyTariffCents) {
        return dailyTariffCents / 100 / tariffEurosPerPoint;
    }
}
