-- What insights needs of the catalog to plan purchases: an item's maximum stock and delivery days (added at the end
-- of V86's view, so its readers keep working), and which suppliers supply it, with their lead time and whether
-- they are preferred.
CREATE OR REPLACE VIEW catalog_items WITH (security_invoker = true) AS
SELECT i.tenant_id, i.id, i.sku, i.sku_key, i.barcode, i.name, i.category_id, i.unit_code,
       u.decimals AS unit_decimals, i.cost_price, i.sale_price, i.min_stock, i.active, i.deleted_at,
       i.max_stock, i.supplier_delivery_days, i.manufacturer_delivery_days
FROM items i
LEFT JOIN units u ON u.code = i.unit_code;

CREATE VIEW catalog_item_suppliers WITH (security_invoker = true) AS
SELECT tenant_id, item_id, supplier_id, preferred, lead_time_days, last_price
FROM item_suppliers;

GRANT SELECT ON catalog_item_suppliers TO ${app_role};
