package dev.bodega.purchasing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Purchase amounts: quantity × unit cost rounded half-up, per line, to the currency's decimals (at most 2). */
final class Money {

    private Money() {
    }

    static int decimals(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 ? 2 : Math.min(digits, 2);
    }

    static BigDecimal amount(BigDecimal quantity, BigDecimal unitCost, int decimals) {
        return quantity.multiply(unitCost).setScale(decimals, RoundingMode.HALF_UP);
    }

    /** A unit cost as people write it: at least two decimals, at most the four it is stored with. */
    static BigDecimal cost(BigDecimal unitCost) {
        if (unitCost == null) {
            return null;
        }
        BigDecimal plain = unitCost.stripTrailingZeros();
        return plain.scale() < 2 ? plain.setScale(2, RoundingMode.UNNECESSARY) : plain;
    }
}
