/**
 * Locations, stock levels and the append-only stock ledger with its posting
 * engine, adjustments and approvals, transfers, counts, low-stock alerts and
 * valuation. Every change of stock in Bodega goes through {@link StockPostings};
 * other modules read locations and stock in SQL only through the views it
 * publishes (migration V87: inventory_locations, inventory_stock_levels).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory", allowedDependencies = {"platform", "catalog"})
package dev.bodega.inventory;
