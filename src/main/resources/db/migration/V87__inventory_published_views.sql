-- What other modules may read of inventory's tables. Only inventory writes locations and stock levels (stock
-- moves only through dev.bodega.inventory.StockPostings); another module reads them through these views.
-- security_invoker keeps the reader's row-level security: a stock level still shows only at the reader's
-- locations. Granted SELECT only.

CREATE VIEW inventory_locations WITH (security_invoker = true) AS
SELECT tenant_id, id, name, kind, address, phone, active
FROM locations;

CREATE VIEW inventory_stock_levels WITH (security_invoker = true) AS
SELECT tenant_id, location_id, item_id, on_hand
FROM stock_levels;

GRANT SELECT ON inventory_locations, inventory_stock_levels TO ${app_role};
