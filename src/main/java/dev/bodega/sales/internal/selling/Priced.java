package dev.bodega.sales.internal.selling;

import dev.bodega.platform.TenantSettings;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A cart priced under the company's settings: its lines with their amounts, and the sale's totals. */
record Priced(List<Line> lines, Pricing.Totals totals, TenantSettings settings) {

    /** An item as a sale line needs it. */
    record Item(UUID id, String sku, String name, BigDecimal salePrice, int decimals, boolean usable) {
    }

    record Line(Item item, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate,
                Pricing.LineAmounts amounts) {
    }
}
