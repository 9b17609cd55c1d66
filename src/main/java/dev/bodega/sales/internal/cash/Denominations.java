package dev.bodega.sales.internal.cash;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The bills and coins a drawer is counted in, largest first, for the currencies Bodega's companies use; another
 * currency gets a generic list. A count may name other values too: these are only the rows the closing form shows.
 */
final class Denominations {

    private static final Map<String, String> BY_CURRENCY = Map.of(
            "COP", "100000 50000 20000 10000 5000 2000 1000 500 200 100 50",
            "MXN", "1000 500 200 100 50 20 10 5 2 1 0.50",
            "USD", "100 50 20 10 5 2 1 0.25 0.10 0.05 0.01",
            "EUR", "500 200 100 50 20 10 5 2 1 0.50 0.20 0.10 0.05 0.02 0.01",
            "PEN", "200 100 50 20 10 5 2 1 0.50 0.20 0.10",
            "CLP", "20000 10000 5000 2000 1000 500 100 50 10",
            "ARS", "20000 10000 2000 1000 500 200 100 50 20 10 5 2 1");
    private static final String OTHER = "100 50 20 10 5 1 0.50 0.25 0.10 0.05 0.01";

    private Denominations() {
    }

    static List<BigDecimal> of(String currency) {
        return List.of(BY_CURRENCY.getOrDefault(currency, OTHER).split(" ")).stream().map(BigDecimal::new).toList();
    }
}
