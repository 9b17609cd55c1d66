/**
 * Service work: technician movements (parts taken, returned, sold or quoted for a work order, seed 003
 * movimientos_tecnicos) with the loans still out, and warranty claims (seed 003 garantias) with their evidence
 * photos and the replacement they send out. Stock moves only through {@link dev.bodega.inventory.StockPostings}
 * (TECHNICIAN and WARRANTY movements); items, locations and users are read through the views their owners publish.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service",
        allowedDependencies = {"platform", "inventory"})
package dev.bodega.service;
