-- What other modules may read of catalog's tables. Only catalog writes items, units, categories and suppliers;
-- another module reads them through these views (or catalog's Java API, dev.bodega.catalog.CatalogItems).
-- security_invoker keeps the reader's row-level security, as on the tables; granted SELECT only.

-- Deleted and inactive items are here too: history (a sale line, a ledger row) points to them.
-- LEFT JOIN: every item has its unit (NOT NULL, foreign key), so the rows are those of an inner join, and the
-- planner drops the join from a query that reads no unit column (a join on the key of units).
CREATE VIEW catalog_items WITH (security_invoker = true) AS
SELECT i.tenant_id, i.id, i.sku, i.sku_key, i.barcode, i.name, i.category_id, i.unit_code,
       u.decimals AS unit_decimals, i.cost_price, i.sale_price, i.min_stock, i.active, i.deleted_at
FROM items i
LEFT JOIN units u ON u.code = i.unit_code;

CREATE VIEW catalog_categories WITH (security_invoker = true) AS
SELECT tenant_id, id, parent_id, name, active
FROM categories;

CREATE VIEW catalog_suppliers WITH (security_invoker = true) AS
SELECT tenant_id, id, name, active, deleted_at
FROM suppliers;

GRANT SELECT ON catalog_items, catalog_categories, catalog_suppliers TO ${app_role};
