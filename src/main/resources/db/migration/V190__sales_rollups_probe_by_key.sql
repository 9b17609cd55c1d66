-- V144's triggers found a statement's sales, lines and payments with joins the planner was free to reorder. With
-- the generic plan a session keeps, and statistics taken while a company had few sales, it walked all of the
-- company's sales and, for each, all of its lines (measured: 94 ms a sale after 40 sales and 5,000 lines, growing
-- with both). Here each lookup is a LATERAL subquery behind OFFSET 0, which the planner cannot flatten: one index
-- probe by key per row asked for, whatever the statistics say.

CREATE FUNCTION sales_rollup_lines_of(batch sales[]) RETURNS sale_lines[]
    LANGUAGE plpgsql STABLE
AS $$
BEGIN
    RETURN ARRAY(SELECT x.l FROM unnest(batch) s
        CROSS JOIN LATERAL (SELECT l FROM sale_lines l WHERE l.tenant_id = s.tenant_id AND l.sale_id = s.id OFFSET 0) x);
END $$;

CREATE FUNCTION sales_rollup_payments_of(batch sales[]) RETURNS sale_payments[]
    LANGUAGE plpgsql STABLE
AS $$
BEGIN
    RETURN ARRAY(SELECT x.p FROM unnest(batch) s
        CROSS JOIN LATERAL (SELECT p FROM sale_payments p WHERE p.tenant_id = s.tenant_id AND p.sale_id = s.id OFFSET 0) x);
END $$;

-- The completed sales of these (tenant, sale) pairs, except those in written_with (see V144: a sale written by
-- the same command as its lines or payments is counted by the sale's own trigger).
CREATE FUNCTION sales_rollup_owners(tenants uuid[], sale_ids uuid[], written_with uuid[]) RETURNS sales[]
    LANGUAGE plpgsql STABLE
AS $$
BEGIN
    RETURN ARRAY(SELECT o.s FROM (SELECT DISTINCT c.tenant_id, c.sale_id FROM unnest(tenants, sale_ids) c(tenant_id, sale_id)
                                  WHERE c.sale_id <> ALL (written_with)) c
        CROSS JOIN LATERAL (SELECT s FROM sales s WHERE s.tenant_id = c.tenant_id AND s.id = c.sale_id
                            AND s.status = 'completed' OFFSET 0) o);
END $$;

CREATE OR REPLACE FUNCTION sales_rollup_on_sales() RETURNS trigger
    LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
AS $$
DECLARE
    before_rows sales[] := '{}';
    after_rows sales[] := '{}';
    rebuilt uuid[];
BEGIN
    -- A bulk statement (a data load) is counted again from the tables, a slice at a time, not held in arrays.
    IF TG_OP = 'DELETE' THEN
        IF (SELECT count(*) FROM old_rows) > 10000 THEN
            PERFORM sales_rollups_rebuild(b.tenant_id) FROM (SELECT DISTINCT tenant_id FROM old_rows) b;
            RETURN NULL;
        END IF;
    ELSIF (SELECT count(*) FROM new_rows) > 10000 THEN
        PERFORM sales_rollups_rebuild(b.tenant_id) FROM (SELECT DISTINCT tenant_id FROM new_rows) b;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        -- Only what the rollups read; a sale's other columns change without touching them.
        before_rows := ARRAY(SELECT o FROM old_rows o JOIN new_rows n ON n.tenant_id = o.tenant_id AND n.id = o.id
            WHERE (o.status, o.total, o.refunded, o.sale_date, o.location_id, o.user_id)
                  IS DISTINCT FROM (n.status, n.total, n.refunded, n.sale_date, n.location_id, n.user_id));
        after_rows := ARRAY(SELECT n FROM new_rows n JOIN unnest(before_rows) o ON o.tenant_id = n.tenant_id AND o.id = n.id);
    ELSIF TG_OP = 'INSERT' THEN
        after_rows := ARRAY(SELECT n FROM new_rows n WHERE n.status = 'completed');
    ELSE
        before_rows := ARRAY(SELECT o FROM old_rows o WHERE o.status = 'completed');
    END IF;
    IF cardinality(before_rows) + cardinality(after_rows) = 0 THEN
        RETURN NULL;
    END IF;
    rebuilt := sales_rollups_rebuilt(ARRAY(SELECT DISTINCT s.tenant_id FROM unnest(before_rows || after_rows) s));
    before_rows := ARRAY(SELECT s FROM unnest(before_rows) s WHERE s.tenant_id <> ALL (rebuilt));
    after_rows := ARRAY(SELECT s FROM unnest(after_rows) s WHERE s.tenant_id <> ALL (rebuilt));
    -- A sale's lines and payments count through it: they leave and come back with it.
    PERFORM sales_rollup_sales(-1, before_rows);
    PERFORM sales_rollup_sales(1, after_rows);
    PERFORM sales_rollup_lines(-1, before_rows, sales_rollup_lines_of(before_rows));
    PERFORM sales_rollup_lines(1, after_rows, sales_rollup_lines_of(after_rows));
    PERFORM sales_rollup_payments(-1, before_rows, sales_rollup_payments_of(before_rows));
    PERFORM sales_rollup_payments(1, after_rows, sales_rollup_payments_of(after_rows));
    RETURN NULL;
END $$;

-- The touched sales' lines before the statement (now, less the new rows, plus the old ones) out, and now in.
CREATE OR REPLACE FUNCTION sales_rollup_on_lines() RETURNS trigger
    LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
AS $$
DECLARE
    changed_old sale_lines[] := '{}';
    changed_new sale_lines[] := '{}';
    owners sales[];
    now_lines sale_lines[];
BEGIN
    -- A bulk statement (a data load) is counted again from the tables, a slice at a time, not held in arrays.
    IF TG_OP = 'DELETE' THEN
        IF (SELECT count(*) FROM old_rows) > 10000 THEN
            PERFORM sales_rollups_rebuild(b.tenant_id) FROM (SELECT DISTINCT tenant_id FROM old_rows) b;
            RETURN NULL;
        END IF;
    ELSIF (SELECT count(*) FROM new_rows) > 10000 THEN
        PERFORM sales_rollups_rebuild(b.tenant_id) FROM (SELECT DISTINCT tenant_id FROM new_rows) b;
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        changed_old := ARRAY(SELECT o FROM old_rows o);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        changed_new := ARRAY(SELECT n FROM new_rows n);
    END IF;
    owners := sales_rollup_owners(
        ARRAY(SELECT c.tenant_id FROM unnest(changed_old || changed_new) c),
        ARRAY(SELECT c.sale_id FROM unnest(changed_old || changed_new) c),
        ARRAY(SELECT n.sale_id FROM unnest(changed_new) n
            CROSS JOIN LATERAL (SELECT x.xmin, x.cmin FROM sale_lines x
                                WHERE x.tenant_id = n.tenant_id AND x.id = n.id OFFSET 0) x
            CROSS JOIN LATERAL (SELECT 1 FROM sales s WHERE s.tenant_id = n.tenant_id AND s.id = n.sale_id
                                AND s.xmin = x.xmin AND s.cmin = x.cmin OFFSET 0) s));
    owners := ARRAY(SELECT s FROM unnest(owners) s WHERE s.tenant_id <> ALL (sales_rollups_rebuilt(
        ARRAY(SELECT DISTINCT o.tenant_id FROM unnest(owners) o))));
    IF cardinality(owners) = 0 THEN
        RETURN NULL;
    END IF;
    now_lines := sales_rollup_lines_of(owners);
    PERFORM sales_rollup_lines(-1, owners, ARRAY(SELECT l FROM unnest(now_lines) l
        WHERE l.id NOT IN (SELECT n.id FROM unnest(changed_new) n)) || changed_old);
    PERFORM sales_rollup_lines(1, owners, now_lines);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION sales_rollup_on_payments() RETURNS trigger
    LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
AS $$
DECLARE
    changed_old sale_payments[] := '{}';
    changed_new sale_payments[] := '{}';
    owners sales[];
    now_payments sale_payments[];
BEGIN
    -- A bulk statement (a data load) is counted again from the tables, a slice at a time, not held in arrays.
    IF TG_OP = 'DELETE' THEN
        IF (SELECT count(*) FROM old_rows) > 10000 THEN
            PERFORM sales_rollups_rebuild(b.tenant_id) FROM (SELECT DISTINCT tenant_id FROM old_rows) b;
            RETURN NULL;
        END IF;
    ELSIF (SELECT count(*) FROM new_rows) > 10000 THEN
        PERFORM sales_rollups_rebuild(b.tenant_id) FROM (SELECT DISTINCT tenant_id FROM new_rows) b;
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        changed_old := ARRAY(SELECT o FROM old_rows o);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        changed_new := ARRAY(SELECT n FROM new_rows n);
    END IF;
    owners := sales_rollup_owners(
        ARRAY(SELECT c.tenant_id FROM unnest(changed_old || changed_new) c),
        ARRAY(SELECT c.sale_id FROM unnest(changed_old || changed_new) c),
        ARRAY(SELECT n.sale_id FROM unnest(changed_new) n
            CROSS JOIN LATERAL (SELECT x.xmin, x.cmin FROM sale_payments x
                                WHERE x.tenant_id = n.tenant_id AND x.id = n.id OFFSET 0) x
            CROSS JOIN LATERAL (SELECT 1 FROM sales s WHERE s.tenant_id = n.tenant_id AND s.id = n.sale_id
                                AND s.xmin = x.xmin AND s.cmin = x.cmin OFFSET 0) s));
    owners := ARRAY(SELECT s FROM unnest(owners) s WHERE s.tenant_id <> ALL (sales_rollups_rebuilt(
        ARRAY(SELECT DISTINCT o.tenant_id FROM unnest(owners) o))));
    IF cardinality(owners) = 0 THEN
        RETURN NULL;
    END IF;
    now_payments := sales_rollup_payments_of(owners);
    PERFORM sales_rollup_payments(-1, owners, ARRAY(SELECT p FROM unnest(now_payments) p
        WHERE p.id NOT IN (SELECT n.id FROM unnest(changed_new) n)) || changed_old);
    PERFORM sales_rollup_payments(1, owners, now_payments);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION sales_rollups_rebuild(tenant uuid) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    slice sales[];
    last_id uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
    DELETE FROM sales_daily WHERE tenant_id = tenant;
    DELETE FROM sales_daily_sellers WHERE tenant_id = tenant;
    DELETE FROM sales_daily_items WHERE tenant_id = tenant;
    DELETE FROM sales_daily_methods WHERE tenant_id = tenant;
    INSERT INTO sales_rollup_zones AS z (tenant_id, time_zone)
    SELECT id, time_zone FROM platform_tenants WHERE id = tenant
    ON CONFLICT (tenant_id) DO UPDATE SET time_zone = EXCLUDED.time_zone;
    LOOP
        slice := ARRAY(SELECT s FROM sales s WHERE s.tenant_id = tenant AND s.id > last_id ORDER BY s.id LIMIT 5000);
        EXIT WHEN cardinality(slice) = 0;
        last_id := slice[cardinality(slice)].id;
        PERFORM sales_rollup_sales(1, slice);
        PERFORM sales_rollup_lines(1, slice, sales_rollup_lines_of(slice));
        PERFORM sales_rollup_payments(1, slice, sales_rollup_payments_of(slice));
    END LOOP;
    PERFORM sales_rollup_returns(1, ARRAY(SELECT r FROM sale_returns r WHERE r.tenant_id = tenant));
END $$;
