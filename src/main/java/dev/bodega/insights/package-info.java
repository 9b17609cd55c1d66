/**
 * Demand forecasts and their accuracy, reorder recommendations and purchase suggestions. Demand history comes from
 * inventory's ledger (its published view), lead times from purchasing's API; recommendations are accepted through
 * inventory's API and suggestions become draft supplier orders through purchasing's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights",
        allowedDependencies = {"platform", "catalog", "inventory", "purchasing"})
package dev.bodega.insights;
