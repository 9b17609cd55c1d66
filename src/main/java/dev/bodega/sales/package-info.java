/**
 * Customers, sales and the point of sale, invoice series, payments,
 * cancellations and returns. A completed sale issues its stock through
 * {@link dev.bodega.inventory.StockPostings} in its own transaction; other
 * modules learn of sales from the events in this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales", allowedDependencies = {"platform", "catalog", "inventory"})
package dev.bodega.sales;
