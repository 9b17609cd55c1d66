-- Part usage goes through the approval rules like every other posting (V123): a record a rule holds back waits
-- (pending, no posting yet) until staff approve it (posted, with its posting) or reject it (rejected, nothing posted).
-- What a partner user needs of the approvals to ask for one is inventory's (V163).
ALTER TABLE part_usage
    ADD COLUMN status      varchar(10) NOT NULL DEFAULT 'posted' CHECK (status IN ('pending', 'posted', 'rejected')),
    ADD COLUMN approval_id uuid,
    ALTER COLUMN posting_id DROP NOT NULL,
    ADD CONSTRAINT part_usage_posted_has_posting CHECK ((status = 'posted') = (posting_id IS NOT NULL)),
    ADD FOREIGN KEY (tenant_id, approval_id) REFERENCES movement_approvals (tenant_id, id);
-- Only the decision changes a record; what was used stays as it was.
GRANT UPDATE (status, posting_id) ON part_usage TO ${app_role};

-- The usage summary counts only what was posted.
CREATE OR REPLACE VIEW machine_usage_summary WITH (security_invoker = true) AS
SELECT m.tenant_id, m.id AS machine_id, m.name AS machine_name, m.serial_number, m.organization_id,
       o.name AS organization_name, count(u.id) AS usage_count, count(DISTINCT u.item_id) AS parts_used,
       coalesce(sum(u.quantity), 0) AS total_quantity, max(u.used_at) AS last_used_at
FROM machines m
JOIN platform_partner_organizations o ON o.tenant_id = m.tenant_id AND o.id = m.organization_id
LEFT JOIN part_usage u ON u.tenant_id = m.tenant_id AND u.machine_id = m.id AND u.status = 'posted'
GROUP BY m.tenant_id, m.id, m.name, m.serial_number, m.organization_id, o.name;
