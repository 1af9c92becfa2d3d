package nl.passend.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Euros as the solver counts them: whole cents in a {@code long}, so that sums are exact and fast. */
public final class Money {

    private Money() {
    }

    /**
     * Euros as whole cents, rounded half up. Tariffs and budgets are refused with more than two decimals, so for
     * stored amounts nothing is rounded; only scenario inputs in {@code double} may be.
     */
    public static long cents(BigDecimal euros) {
        return euros.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
