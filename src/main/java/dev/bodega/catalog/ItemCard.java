package dev.bodega.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/** An item as a search result or a touch screen's card shows it: names, price, unit decimals and its first image. */
public record ItemCard(UUID id, String sku, String barcode, String name, UUID categoryId, BigDecimal salePrice,
                       int unitDecimals, String imageUrl) {
}
