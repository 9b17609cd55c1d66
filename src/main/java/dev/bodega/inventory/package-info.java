/**
 * Locations, stock levels and the append-only stock ledger with its posting
 * engine, adjustments and approvals, transfers, counts, low-stock alerts and
 * valuation. Every change of stock in Bodega goes through {@link StockPostings}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory", allowedDependencies = "platform")
package dev.bodega.inventory;
