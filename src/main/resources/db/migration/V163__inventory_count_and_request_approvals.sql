-- A count's close goes through the approval rules (V123) like every other posting: when a rule holds its
-- count_correction back, the count stays in review with the approval it waits in; approved, it closes with the
-- posting; rejected, the approval is let go and the count is in review again (recount, or close once more).
ALTER TABLE stock_counts
    ADD COLUMN approval_id uuid,
    ADD FOREIGN KEY (tenant_id, approval_id) REFERENCES movement_approvals (tenant_id, id),
    ADD CONSTRAINT stock_counts_waits_in_review CHECK (approval_id IS NULL OR status = 'review');
GRANT UPDATE (approval_id) ON stock_counts TO ${app_role};

-- A transfer request's dispatch and receipt go through the approval rules (V123) like every other posting: when a
-- rule holds one back, the request keeps its state with the approval it waits in (a receipt keeps what was counted
-- on its lines); approved, it moves on with the posting; rejected, the approval is let go and the step may be
-- taken again.
ALTER TABLE transfer_requests
    ADD COLUMN approval_id uuid,
    ADD FOREIGN KEY (tenant_id, approval_id) REFERENCES movement_approvals (tenant_id, id);
GRANT UPDATE (approval_id) ON transfer_requests TO ${app_role};

-- A partner user's part usage (V162) may wait for approval: it reads the rules (V123 walled them off whole; it
-- still never writes them) and asks for approvals at its own warehouses (V123's restrictive policies keep it there).
DROP POLICY approval_rules_staff_only ON approval_rules;
CREATE POLICY approval_rules_partner_insert ON approval_rules AS RESTRICTIVE FOR INSERT
    WITH CHECK (app_current_partner() IS NULL);
CREATE POLICY approval_rules_partner_update ON approval_rules AS RESTRICTIVE FOR UPDATE
    USING (app_current_partner() IS NULL);
CREATE POLICY approval_rules_partner_delete ON approval_rules AS RESTRICTIVE FOR DELETE
    USING (app_current_partner() IS NULL);
CREATE POLICY movement_approvals_partner_access ON movement_approvals
    USING (tenant_id = app_current_tenant() AND app_current_partner() IS NOT NULL);
