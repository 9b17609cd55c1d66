package dev.bodega.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What another module needs to know about an item: its unit (and how many
 * decimals a quantity in it may have), prices and minimum stock.
 * {@code active} is false for an inactive or deleted item.
 */
public record ItemInfo(UUID id, String sku, String name, String unitCode, int unitDecimals, BigDecimal costPrice,
                       BigDecimal salePrice, BigDecimal minStock, boolean active) {
}
