-- The rollups' triggers, company by company (issue 19). On Citus a trigger runs on the worker that holds the shard it
-- fires on, and a statement it runs stays on that node only when it names one company as a value (tenant_id =
-- company). V144–V206 found lines, payments, owners and zones with joins over arrays of several companies' rows and
-- wrote the rollups with INSERT … SELECT from those arrays: Citus could not plan them on the worker (and the worker
-- crashed on the next try). Here each trigger takes the companies of its statement one at a time; every lookup names
-- that company and finds its rows by key, and every rollup row is a one-row upsert. The rules are V144's (minus what
-- the touched sales counted before, plus what they count now; a sale written by the same command as its lines counts
-- them itself; a bulk statement is counted again from the tables); SalesRollupsTest keeps the figures equal to the
-- sales.

DROP FUNCTION sales_rollup_whole(integer, sales[]);
DROP FUNCTION sales_rollup_sales(integer, sales[]);
DROP FUNCTION sales_rollup_lines(integer, sales[], sale_lines[]);
DROP FUNCTION sales_rollup_payments(integer, sales[], sale_payments[]);
DROP FUNCTION sales_rollup_returns(integer, sale_returns[]);
DROP FUNCTION sales_rollup_days(sales[]);
DROP FUNCTION sales_rollup_lines_of(sales[]);
DROP FUNCTION sales_rollup_payments_of(sales[]);
DROP FUNCTION sales_rollup_owners(uuid[], uuid[], uuid[]);
DROP FUNCTION sales_rollups_rebuilt(uuid[]);

-- direction 1 adds what these completed sales of the company contribute, -1 takes it away; days in zone.
CREATE FUNCTION sales_rollup_sales(direction integer, company uuid, zone text, batch sales[]) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT (s.sale_date AT TIME ZONE zone)::date AS day, s.location_id, count(*) AS sales,
                    sum(s.total) AS total, sum(s.refunded) AS refunded
             FROM unnest(batch) s GROUP BY 1, 2 ORDER BY 1, 2 LOOP
        INSERT INTO sales_daily AS d (tenant_id, day, location_id, sales, total, refunded)
        VALUES (company, r.day, r.location_id, direction * r.sales, direction * r.total, direction * r.refunded)
        ON CONFLICT (tenant_id, day, location_id) DO UPDATE
            SET sales = d.sales + EXCLUDED.sales, total = d.total + EXCLUDED.total,
                refunded = d.refunded + EXCLUDED.refunded;
    END LOOP;
    FOR r IN SELECT (s.sale_date AT TIME ZONE zone)::date AS day, s.location_id, s.user_id, count(*) AS sales,
                    sum(s.total) AS total, sum(s.refunded) AS refunded
             FROM unnest(batch) s GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LOOP
        INSERT INTO sales_daily_sellers AS d (tenant_id, day, location_id, user_id, sales, total, refunded)
        VALUES (company, r.day, r.location_id, r.user_id, direction * r.sales, direction * r.total,
                direction * r.refunded)
        ON CONFLICT (tenant_id, day, location_id, user_id) DO UPDATE
            SET sales = d.sales + EXCLUDED.sales, total = d.total + EXCLUDED.total,
                refunded = d.refunded + EXCLUDED.refunded;
    END LOOP;
END $$;

-- lines must hold every line of each of their owners, so that "sales with the item" counts each sale once. A rebuild
-- joins thousands of sales with their lines: a hash join, whatever the calling trigger prefers for its lookups.
CREATE FUNCTION sales_rollup_lines(direction integer, company uuid, zone text, owners sales[], lines sale_lines[])
    RETURNS void
    LANGUAGE plpgsql
    SET enable_hashjoin = on
AS $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT (s.sale_date AT TIME ZONE zone)::date AS day, s.location_id, l.item_id,
                    sum(l.quantity - l.returned_quantity) AS quantity, sum(l.total - l.returned_amount) AS revenue,
                    count(DISTINCT l.sale_id) AS sales
             FROM unnest(lines) l JOIN unnest(owners) s ON s.id = l.sale_id
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LOOP
        INSERT INTO sales_daily_items AS d (tenant_id, day, location_id, item_id, quantity, revenue, sales)
        VALUES (company, r.day, r.location_id, r.item_id, direction * r.quantity, direction * r.revenue,
                direction * r.sales)
        ON CONFLICT (tenant_id, day, location_id, item_id) DO UPDATE
            SET quantity = d.quantity + EXCLUDED.quantity, revenue = d.revenue + EXCLUDED.revenue,
                sales = d.sales + EXCLUDED.sales;
    END LOOP;
END $$;

-- payments must hold every payment of each of their owners (a sale paid twice in cash counts once for cash).
CREATE FUNCTION sales_rollup_payments(direction integer, company uuid, zone text, owners sales[],
                                      payments sale_payments[]) RETURNS void
    LANGUAGE plpgsql
    SET enable_hashjoin = on
AS $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT (s.sale_date AT TIME ZONE zone)::date AS day, s.location_id, p.method,
                    count(DISTINCT p.sale_id) AS sales, sum(p.amount) AS amount
             FROM unnest(payments) p JOIN unnest(owners) s ON s.id = p.sale_id
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LOOP
        INSERT INTO sales_daily_methods AS d (tenant_id, day, location_id, method, sales, amount, refunds)
        VALUES (company, r.day, r.location_id, r.method, direction * r.sales, direction * r.amount, 0)
        ON CONFLICT (tenant_id, day, location_id, method) DO UPDATE
            SET sales = d.sales + EXCLUDED.sales, amount = d.amount + EXCLUDED.amount;
    END LOOP;
END $$;

CREATE FUNCTION sales_rollup_returns(direction integer, company uuid, zone text, returns sale_returns[]) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT (x.created_at AT TIME ZONE zone)::date AS day, x.location_id, x.refund_method AS method,
                    sum(x.refund_amount) AS refunds
             FROM unnest(returns) x GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LOOP
        INSERT INTO sales_daily_methods AS d (tenant_id, day, location_id, method, sales, amount, refunds)
        VALUES (company, r.day, r.location_id, r.method, 0, 0, direction * r.refunds)
        ON CONFLICT (tenant_id, day, location_id, method) DO UPDATE SET refunds = d.refunds + EXCLUDED.refunds;
    END LOOP;
END $$;

-- The lines and payments of some of a company's sales, by key. Here and below a table is read by a statement of
-- its own (SELECT … INTO), not in a subquery: Citus plans a subquery that takes a PL/pgSQL variable as a parameter
-- it cannot route ("could not create distributed plan").
CREATE FUNCTION sales_rollup_lines_of(company uuid, batch sales[]) RETURNS sale_lines[]
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    ids uuid[] := ARRAY(SELECT s.id FROM unnest(batch) s);
    lines sale_lines[];
BEGIN
    SELECT array_agg(l) INTO lines FROM sale_lines l
    WHERE l.tenant_id = company AND l.sale_id IS NOT NULL AND l.sale_id = ANY (ids);
    RETURN coalesce(lines, '{}');
END $$;

CREATE FUNCTION sales_rollup_payments_of(company uuid, batch sales[]) RETURNS sale_payments[]
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    ids uuid[] := ARRAY(SELECT s.id FROM unnest(batch) s);
    payments sale_payments[];
BEGIN
    SELECT array_agg(p) INTO payments FROM sale_payments p WHERE p.tenant_id = company AND p.sale_id = ANY (ids);
    RETURN coalesce(payments, '{}');
END $$;

-- A company's sales enter and leave the rollups with their lines and payments; only completed ones count.
CREATE FUNCTION sales_rollup_whole(direction integer, company uuid, zone text, batch sales[]) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    completed sales[] := ARRAY(SELECT s FROM unnest(batch) s WHERE s.status = 'completed');
BEGIN
    IF cardinality(completed) = 0 THEN
        RETURN;
    END IF;
    PERFORM sales_rollup_sales(direction, company, zone, completed);
    PERFORM sales_rollup_lines(direction, company, zone, completed, sales_rollup_lines_of(company, completed));
    PERFORM sales_rollup_payments(direction, company, zone, completed, sales_rollup_payments_of(company, completed));
END $$;

-- A company's rollups counted again from its sales, in its current time zone, a slice of sales at a time.
CREATE OR REPLACE FUNCTION sales_rollups_rebuild(tenant uuid) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    zone text;
    sale sales;
    slice sales[] := '{}';
    returns sale_returns[];
BEGIN
    SELECT time_zone INTO zone FROM platform_tenants WHERE id = tenant;
    IF zone IS NULL THEN
        RETURN;
    END IF;
    DELETE FROM sales_daily WHERE tenant_id = tenant;
    DELETE FROM sales_daily_sellers WHERE tenant_id = tenant;
    DELETE FROM sales_daily_items WHERE tenant_id = tenant;
    DELETE FROM sales_daily_methods WHERE tenant_id = tenant;
    INSERT INTO sales_rollup_zones AS z (tenant_id, time_zone) VALUES (tenant, zone)
    ON CONFLICT (tenant_id) DO UPDATE SET time_zone = EXCLUDED.time_zone;
    FOR sale IN SELECT * FROM sales s WHERE s.tenant_id = tenant LOOP
        slice := slice || sale;
        IF cardinality(slice) = 5000 THEN
            PERFORM sales_rollup_whole(1, tenant, zone, slice);
            slice := '{}';
        END IF;
    END LOOP;
    PERFORM sales_rollup_whole(1, tenant, zone, slice);
    SELECT array_agg(r) INTO returns FROM sale_returns r WHERE r.tenant_id = tenant;
    PERFORM sales_rollup_returns(1, tenant, zone, coalesce(returns, '{}'));
END $$;

-- The zone a company's rollups are kept in; or NULL when they were kept in another zone than its current one and have
-- just been counted again from the tables as they are (this statement's change included): the caller adds nothing.
CREATE FUNCTION sales_rollup_zone(company uuid) RETURNS text
    LANGUAGE plpgsql
AS $$
DECLARE
    kept text;
    wanted text;
BEGIN
    SELECT time_zone INTO kept FROM sales_rollup_zones WHERE tenant_id = company;
    SELECT time_zone INTO wanted FROM platform_tenants WHERE id = company;
    IF kept IS NOT DISTINCT FROM wanted THEN
        RETURN kept;
    END IF;
    PERFORM sales_rollups_rebuild(company);
    RETURN NULL;
END $$;

-- The completed sales of a company among sale_ids, except those written by the same command as their lines or payments
-- (V144: the sale's own trigger counts them). written_by holds 'sale_id xmin cmin' of the new lines or payments; each
-- table is read by a statement of its own, as a join of two tables taking PL/pgSQL variables is not planned by Citus
-- on a worker.
CREATE FUNCTION sales_rollup_owners(company uuid, sale_ids uuid[], written_by text[]) RETURNS sales[]
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    owners sales[];
BEGIN
    SELECT array_agg(s) INTO owners FROM sales s
    WHERE s.tenant_id = company AND s.id = ANY (sale_ids) AND s.status = 'completed'
      AND (s.id || ' ' || s.xmin || ' ' || s.cmin) <> ALL (written_by);
    RETURN coalesce(owners, '{}');
END $$;

CREATE OR REPLACE FUNCTION sales_rollup_on_sales() RETURNS trigger
    LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
    SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    before_rows sales[] := '{}';
    after_rows sales[] := '{}';
    company uuid;
    zone text;
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
    FOR company IN SELECT DISTINCT s.tenant_id FROM unnest(before_rows || after_rows) s LOOP
        zone := sales_rollup_zone(company);
        CONTINUE WHEN zone IS NULL;
        PERFORM sales_rollup_whole(-1, company, zone, ARRAY(SELECT s FROM unnest(before_rows) s WHERE s.tenant_id = company));
        PERFORM sales_rollup_whole(1, company, zone, ARRAY(SELECT s FROM unnest(after_rows) s WHERE s.tenant_id = company));
    END LOOP;
    RETURN NULL;
END $$;

-- The touched sales' lines before the statement (now, less the new rows, plus the old ones) out, and now in.
CREATE OR REPLACE FUNCTION sales_rollup_on_lines() RETURNS trigger
    LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
    SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    changed_old sale_lines[] := '{}';
    changed_new sale_lines[] := '{}';
    company uuid;
    old_ones sale_lines[];
    new_ids uuid[];
    written_by text[];
    owners sales[];
    zone text;
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
    FOR company IN SELECT DISTINCT c.tenant_id FROM unnest(changed_old || changed_new) c LOOP
        old_ones := ARRAY(SELECT o FROM unnest(changed_old) o WHERE o.tenant_id = company);
        new_ids := ARRAY(SELECT n.id FROM unnest(changed_new) n WHERE n.tenant_id = company);
        SELECT array_agg(x.sale_id || ' ' || x.xmin || ' ' || x.cmin) INTO written_by FROM sale_lines x
        WHERE x.tenant_id = company AND x.id = ANY (new_ids);
        owners := sales_rollup_owners(company,
            ARRAY(SELECT c.sale_id FROM unnest(changed_old || changed_new) c WHERE c.tenant_id = company),
            coalesce(written_by, '{}'));
        CONTINUE WHEN cardinality(owners) = 0;
        zone := sales_rollup_zone(company);
        CONTINUE WHEN zone IS NULL;
        now_lines := sales_rollup_lines_of(company, owners);
        PERFORM sales_rollup_lines(-1, company, zone, owners,
            ARRAY(SELECT l FROM unnest(now_lines) l WHERE l.id <> ALL (new_ids)) || old_ones);
        PERFORM sales_rollup_lines(1, company, zone, owners, now_lines);
    END LOOP;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION sales_rollup_on_payments() RETURNS trigger
    LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
    SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    changed_old sale_payments[] := '{}';
    changed_new sale_payments[] := '{}';
    company uuid;
    old_ones sale_payments[];
    new_ids uuid[];
    written_by text[];
    owners sales[];
    zone text;
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
    FOR company IN SELECT DISTINCT c.tenant_id FROM unnest(changed_old || changed_new) c LOOP
        old_ones := ARRAY(SELECT o FROM unnest(changed_old) o WHERE o.tenant_id = company);
        new_ids := ARRAY(SELECT n.id FROM unnest(changed_new) n WHERE n.tenant_id = company);
        SELECT array_agg(x.sale_id || ' ' || x.xmin || ' ' || x.cmin) INTO written_by FROM sale_payments x
        WHERE x.tenant_id = company AND x.id = ANY (new_ids);
        owners := sales_rollup_owners(company,
            ARRAY(SELECT c.sale_id FROM unnest(changed_old || changed_new) c WHERE c.tenant_id = company),
            coalesce(written_by, '{}'));
        CONTINUE WHEN cardinality(owners) = 0;
        zone := sales_rollup_zone(company);
        CONTINUE WHEN zone IS NULL;
        now_payments := sales_rollup_payments_of(company, owners);
        PERFORM sales_rollup_payments(-1, company, zone, owners,
            ARRAY(SELECT p FROM unnest(now_payments) p WHERE p.id <> ALL (new_ids)) || old_ones);
        PERFORM sales_rollup_payments(1, company, zone, owners, now_payments);
    END LOOP;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION sales_rollup_on_returns() RETURNS trigger
    LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
    SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    changed_old sale_returns[] := '{}';
    changed_new sale_returns[] := '{}';
    company uuid;
    zone text;
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
    FOR company IN SELECT DISTINCT r.tenant_id FROM unnest(changed_old || changed_new) r LOOP
        zone := sales_rollup_zone(company);
        CONTINUE WHEN zone IS NULL;
        PERFORM sales_rollup_returns(-1, company, zone, ARRAY(SELECT r FROM unnest(changed_old) r WHERE r.tenant_id = company));
        PERFORM sales_rollup_returns(1, company, zone, ARRAY(SELECT r FROM unnest(changed_new) r WHERE r.tenant_id = company));
    END LOOP;
    RETURN NULL;
END $$;
