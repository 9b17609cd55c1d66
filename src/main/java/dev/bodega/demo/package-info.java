/**
 * The demo company: on the first start of an empty database (when {@code bodega.demo.enabled}), a hardware
 * store with its users, catalog, stock, 90 days of sales (their stock postings dated on their days), its
 * purchases and its workshop's service work, and the forecasts of its history,
 * built only through the other modules' public APIs. It owns no table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo",
        allowedDependencies = {"platform", "catalog", "inventory", "sales", "purchasing", "service", "insights",
                "messaging"})
package dev.bodega.demo;
