-- Data that describes the past (the demo company's sales history) is posted at its moment, so that demand history
-- read from the ledger (insights) has its days: a transaction that sets app.posted_at (through
-- dev.bodega.inventory.PostingDates) dates its postings and ledger rows then; every other posting is dated now().
CREATE FUNCTION app_posted_at() RETURNS timestamptz
    LANGUAGE sql STABLE
AS $$
    SELECT coalesce(nullif(current_setting('app.posted_at', true), '')::timestamptz, now())
$$;
GRANT EXECUTE ON FUNCTION app_posted_at() TO ${app_role};

ALTER TABLE stock_postings ALTER COLUMN created_at SET DEFAULT app_posted_at();
ALTER TABLE stock_ledger ALTER COLUMN created_at SET DEFAULT app_posted_at();
