-- As V73–V75 for the tables that order lines and deliveries reference: without NULLs these indexes cannot
-- answer a foreign-key check's (tenant_id, id), so its cached plan can only use the primary key; queries that
-- name the column (status = ..., supplier_id = ..., order_date >= ...) still use them.
DROP INDEX supplier_orders_number_key;
CREATE UNIQUE INDEX supplier_orders_number_key ON supplier_orders (tenant_id, number) WHERE number IS NOT NULL;
DROP INDEX supplier_orders_status_idx;
CREATE INDEX supplier_orders_status_idx ON supplier_orders (tenant_id, status, id DESC) WHERE status IS NOT NULL;
DROP INDEX supplier_orders_supplier_idx;
CREATE INDEX supplier_orders_supplier_idx ON supplier_orders (tenant_id, supplier_id, id DESC) WHERE supplier_id IS NOT NULL;
DROP INDEX supplier_orders_date_idx;
CREATE INDEX supplier_orders_date_idx ON supplier_orders (tenant_id, order_date) WHERE order_date IS NOT NULL;
DROP INDEX supplier_orders_location_idx;
CREATE INDEX supplier_orders_location_idx ON supplier_orders (tenant_id, location_id) WHERE location_id IS NOT NULL;
DROP INDEX supplier_receipts_date_idx;
CREATE INDEX supplier_receipts_date_idx ON supplier_receipts (tenant_id, received_at DESC) WHERE received_at IS NOT NULL;
