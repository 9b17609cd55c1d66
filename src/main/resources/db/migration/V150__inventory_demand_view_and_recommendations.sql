-- Reorder recommendations live where the minimum lives (seed 004 inventory: minimum_stock_recommendation,
-- reorder_threshold_set_by, last_recommendation_update), on every stock level, partner warehouses included.
-- Insights computes them; inventory stores them and lets a user accept one (the minimum becomes it) or keep their
-- own. reorder_threshold_set_by: the user who decided (seed 004 names who set the threshold);
-- recommendation_decision: null while the recommendation waits for a decision, reset when it changes.
ALTER TABLE stock_levels
    ADD COLUMN minimum_stock_recommendation numeric(14,3) CHECK (minimum_stock_recommendation >= 0),
    ADD COLUMN last_recommendation_update   timestamptz,
    ADD COLUMN reorder_threshold_set_by     uuid,
    ADD COLUMN recommendation_decision      varchar(10) CHECK (recommendation_decision IN ('accepted', 'kept')),
    ADD FOREIGN KEY (tenant_id, reorder_threshold_set_by) REFERENCES users (tenant_id, id);

GRANT UPDATE (minimum_stock_recommendation, last_recommendation_update, reorder_threshold_set_by,
               recommendation_decision) ON stock_levels TO ${app_role};

CREATE INDEX stock_levels_recommendation_pending_idx ON stock_levels (tenant_id, location_id)
    WHERE minimum_stock_recommendation IS NOT NULL AND recommendation_decision IS NULL;

-- Columns are only added at the end, so readers of V87's view keep working.
CREATE OR REPLACE VIEW inventory_stock_levels WITH (security_invoker = true) AS
SELECT tenant_id, location_id, item_id, on_hand, min_stock, minimum_stock_recommendation,
       last_recommendation_update, reorder_threshold_set_by, recommendation_decision
FROM stock_levels;

-- The ledger as insights reads demand from it: what moved, of which kind, and the stock after (stockout days).
CREATE VIEW inventory_ledger WITH (security_invoker = true) AS
SELECT tenant_id, location_id, item_id, movement_type, quantity, on_hand_before, on_hand_after, created_at
FROM stock_ledger;

GRANT SELECT ON inventory_ledger TO ${app_role};
