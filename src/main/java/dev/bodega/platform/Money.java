package dev.bodega.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The one money rule of every module: an amount is rounded half-up (not to even) to the decimals of the
 * company's currency ({@link TenantSettings#currency()}), at each step that yields an amount. Money columns
 * are {@code numeric(14,2)}, so a currency with more decimals, or none defined, is kept at two.
 */
public final class Money {

    private Money() {
    }

    public static int decimals(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 ? 2 : Math.min(digits, 2);
    }

    public static BigDecimal round(BigDecimal amount, int decimals) {
        return amount.setScale(decimals, RoundingMode.HALF_UP);
    }

    /** Quantity × unit price (or cost), rounded. */
    public static BigDecimal amount(BigDecimal quantity, BigDecimal unitPrice, int decimals) {
        return round(quantity.multiply(unitPrice), decimals);
    }

    /** A unit cost as people write it: at least two decimals, at most the four it is stored with. */
    public static BigDecimal unitCost(BigDecimal unitCost) {
        if (unitCost == null) {
            return null;
        }
        BigDecimal plain = unitCost.stripTrailingZeros();
        return plain.scale() < 2 ? plain.setScale(2, RoundingMode.UNNECESSARY) : plain;
    }
}
