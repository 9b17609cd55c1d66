/**
 * Categories (a tree), items (products and parts: one model), units of
 * measure, suppliers, price history, search, and CSV import and export.
 * Other modules use only the types in this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog", allowedDependencies = "platform")
package dev.bodega.catalog;
