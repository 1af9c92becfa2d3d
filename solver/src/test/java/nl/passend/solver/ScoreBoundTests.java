package nl.passend.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The gaps a planner reads: how far a score may be below the best there is, in percent of the bound. */
class ScoreBoundTests {

    @Test
    void aScoreBelowItsBoundIsThatManyPercentOfTheBoundShort() {
        ScoreBound bound = new ScoreBound(-15_700L, -70_000L, false);

        assertThat(bound.mediumGapPercent(-15_857)).isCloseTo(1.0, within(1e-9));
        assertThat(bound.softGapPercent(-71_400)).isCloseTo(2.0, within(1e-9));
        assertThat(bound.mediumGapPercent(-15_700)).isZero();
    }

    @Test
    void withoutABoundOrBelowABoundOfZeroThereIsNoPercentage() {
        assertThat(ScoreBound.NONE.mediumGapPercent(-100)).isNull();
        assertThat(new ScoreBound(-100L, null, false).softGapPercent(-5)).isNull();
        assertThat(new ScoreBound(0L, null, false).mediumGapPercent(-100)).isNull();
        assertThat(new ScoreBound(0L, null, false).mediumGapPercent(0)).isZero();
    }
}
