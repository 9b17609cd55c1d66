-- A customer order's shipment goes through the approval rules (V123) like every other posting: when a rule holds
-- it back (its sale's issue or its receipt into the partner's warehouse), it waits (pending, no sale yet) with its
-- quantities set aside; approved, it is invoiced and shipped; rejected, nothing moved and they may ship again.
ALTER TABLE customer_order_shipments
    ADD COLUMN status      varchar(10) NOT NULL DEFAULT 'shipped' CHECK (status IN ('pending', 'shipped', 'rejected')),
    ADD COLUMN approval_id uuid,
    ALTER COLUMN sale_id DROP NOT NULL,
    ADD CONSTRAINT customer_order_shipments_shipped_has_sale CHECK ((status = 'shipped') = (sale_id IS NOT NULL)),
    ADD FOREIGN KEY (tenant_id, approval_id) REFERENCES movement_approvals (tenant_id, id);
GRANT UPDATE (status, sale_id) ON customer_order_shipments TO ${app_role};
