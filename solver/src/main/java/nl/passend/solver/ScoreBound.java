package nl.passend.solver;

/**
 * How far a matching's answer may be from the best there is: no answer scores above these bounds. Medium first:
 * the soft bound holds among answers with the best medium score, so it is known only once that is proven.
 *
 * @param medium no answer has a higher medium score; {@code null} when no bound was found in time
 * @param soft no answer with the best medium score has a higher soft score; {@code null} when not known
 * @param provenOptimal whether the answer is proven to be the best there is, on medium and on soft
 */
public record ScoreBound(Long medium, Long soft, boolean provenOptimal) {

    /** No bound: nothing was proven. */
    public static final ScoreBound NONE = new ScoreBound(null, null, false);

    /**
     * How much lower than its bound a medium score is, in percent of the bound; {@code null} without a bound, and
     * below a bound of 0, which no percentage measures.
     */
    public Double mediumGapPercent(long mediumScore) {
        return gapPercent(medium, mediumScore);
    }

    /** How much lower than its bound a soft score is, as {@link #mediumGapPercent}. */
    public Double softGapPercent(long softScore) {
        return gapPercent(soft, softScore);
    }

    private static Double gapPercent(Long bound, long score) {
        if (bound == null) {
            return null;
        }
        if (score >= bound) {
            return 0.0;
        }
        return bound == 0 ? null : 100.0 * (bound - score) / Math.abs(bound);
    }
}
