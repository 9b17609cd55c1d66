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
