/**
 * Supplier orders and receiving: orders with lines, numbered per company
 * (draft, sent, partially received, received, cancelled), deliveries that put
 * the goods into stock through {@link dev.bodega.inventory.StockPostings} at
 * the order's unit cost, and lead times per supplier. Other modules learn of
 * deliveries from {@link PurchaseReceived}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Purchasing", allowedDependencies = {"platform", "catalog", "inventory"})
package dev.bodega.purchasing;
