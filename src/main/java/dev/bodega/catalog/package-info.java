/**
 * Categories (a tree), items (products and parts: one model), units of
 * measure, suppliers, price history, search, and CSV import and export.
 * Other modules use only the types in this package, and in SQL only the views
 * it publishes (migration V86: catalog_items, catalog_categories, catalog_suppliers).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog", allowedDependencies = "platform")
package dev.bodega.catalog;
