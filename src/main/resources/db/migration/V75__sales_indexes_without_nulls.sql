-- As V73 and V74, for the tables that sales, their lines, payments and returns reference: a foreign-key check
-- asks for (tenant_id, id), and while a table is new or small the planner prices a scan of any index that
-- leads with tenant_id as cheap as the primary key, caches that plan for the connection, and every check
-- then reads all of the company's rows (a till's sales slow down as the company's sales accumulate).
-- Restricted to rows whose second column is not null, these indexes cannot serve such a check; queries that
-- name the column (sale_date >= ..., status = ..., lower(email) = ...) still use them. No rows are left out:
-- the columns are NOT NULL, or rows with NULL there are never looked up through the index.
DROP INDEX sales_invoice_key;
CREATE UNIQUE INDEX sales_invoice_key ON sales (tenant_id, series_id, invoice_number) WHERE series_id IS NOT NULL;
DROP INDEX sales_date_idx;
CREATE INDEX sales_date_idx ON sales (tenant_id, sale_date DESC) WHERE sale_date IS NOT NULL;
DROP INDEX sales_user_idx;
CREATE INDEX sales_user_idx ON sales (tenant_id, user_id) WHERE user_id IS NOT NULL;
DROP INDEX sales_location_idx;
CREATE INDEX sales_location_idx ON sales (tenant_id, location_id, sale_date DESC) WHERE location_id IS NOT NULL;
DROP INDEX sales_status_idx;
CREATE INDEX sales_status_idx ON sales (tenant_id, status, sale_date DESC) WHERE status IS NOT NULL;

DROP INDEX customers_email_idx;
CREATE INDEX customers_email_idx ON customers (tenant_id, lower(email)) WHERE email IS NOT NULL;
DROP INDEX customers_phone_idx;
CREATE INDEX customers_phone_idx ON customers (tenant_id, phone) WHERE phone IS NOT NULL;

-- Codes are NOT NULL: the same uniqueness (ON CONFLICT DO NOTHING and the duplicate-code problem still see it).
DROP INDEX invoice_series_code_key;
CREATE UNIQUE INDEX invoice_series_code_key ON invoice_series (tenant_id, code) WHERE code IS NOT NULL;

-- Return lines check their sale line: the (tenant_id, sale_id, position) constraint becomes the same unique
-- index, partial, so that it cannot serve that check either.
ALTER TABLE sale_lines DROP CONSTRAINT sale_lines_tenant_id_sale_id_position_key;
CREATE UNIQUE INDEX sale_lines_position_key ON sale_lines (tenant_id, sale_id, position) WHERE sale_id IS NOT NULL;
DROP INDEX sale_lines_item_idx;
CREATE INDEX sale_lines_item_idx ON sale_lines (tenant_id, item_id) WHERE item_id IS NOT NULL;

DROP INDEX sale_returns_sale_idx;
CREATE INDEX sale_returns_sale_idx ON sale_returns (tenant_id, sale_id) WHERE sale_id IS NOT NULL;
DROP INDEX sale_returns_date_idx;
CREATE INDEX sale_returns_date_idx ON sale_returns (tenant_id, created_at DESC) WHERE created_at IS NOT NULL;
