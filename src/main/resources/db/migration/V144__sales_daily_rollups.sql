-- Daily rollups of sales for the dashboard and the sales reports (issue 17, decision 4): per (tenant, day, location),
-- per item, per payment method and per seller, days in the company's time zone. Statement-level triggers with
-- transition tables keep them exact in the same transaction as whatever writes sales, lines, payments and returns
-- (a till, a cancellation, a return, a batch of sales written at once). Every upsert takes its rows in key order,
-- so two transactions never wait for each other's rollup rows in a circle.
--
-- Each change is applied as "minus what the touched sales contributed before, plus what they contribute now", so a
-- cancellation, a return or an edited line needs no rule of its own. Rows are kept when they fall to zero.
-- One statement may write a sale with its lines and payments (data-modifying CTEs); all its triggers then run at its
-- end and see all of it. The sale's trigger counts the sale with the lines and payments it has then, so the lines'
-- and payments' triggers leave out a sale written by the same command as their rows (same xmin and cmin).

-- The time zone a company's rollups are counted in. A company whose zone changed has them rebuilt by the next
-- write; until then the reports see the zones differ and count from the sales themselves.
CREATE TABLE sales_rollup_zones (
    tenant_id uuid        NOT NULL REFERENCES tenants (id),
    time_zone varchar(64) NOT NULL,
    PRIMARY KEY (tenant_id)
);

-- Completed sales by the day and place they were made; refunded is what their returns gave back.
CREATE TABLE sales_daily (
    tenant_id   uuid    NOT NULL,
    day         date    NOT NULL,
    location_id uuid    NOT NULL,
    sales       bigint  NOT NULL,
    total       numeric NOT NULL,
    refunded    numeric NOT NULL,
    PRIMARY KEY (tenant_id, day, location_id)
);

-- The same per seller; a sale made without a user (an import, a job) counts under no user.
CREATE TABLE sales_daily_sellers (
    tenant_id   uuid    NOT NULL,
    day         date    NOT NULL,
    location_id uuid    NOT NULL,
    user_id     uuid,
    sales       bigint  NOT NULL,
    total       numeric NOT NULL,
    refunded    numeric NOT NULL,
    UNIQUE NULLS NOT DISTINCT (tenant_id, day, location_id, user_id)
);

-- What each item sold, net of returns; sales counts the sales that had the item.
CREATE TABLE sales_daily_items (
    tenant_id   uuid    NOT NULL,
    day         date    NOT NULL,
    location_id uuid    NOT NULL,
    item_id     uuid    NOT NULL,
    quantity    numeric NOT NULL,
    revenue     numeric NOT NULL,
    sales       bigint  NOT NULL,
    PRIMARY KEY (tenant_id, day, location_id, item_id)
);

-- What each payment method took in on the day of its sales, and what it refunded on the day of the returns
-- (at the return's location).
CREATE TABLE sales_daily_methods (
    tenant_id   uuid        NOT NULL,
    day         date        NOT NULL,
    location_id uuid        NOT NULL,
    method      varchar(20) NOT NULL,
    sales       bigint      NOT NULL,
    amount      numeric     NOT NULL,
    refunds     numeric     NOT NULL,
    PRIMARY KEY (tenant_id, day, location_id, method)
);

SELECT app_protect_tenant_table(t) FROM unnest(ARRAY['sales_rollup_zones', 'sales_daily', 'sales_daily_sellers',
    'sales_daily_items', 'sales_daily_methods']) t;
-- The triggers run with the rights of whoever writes sales (a superuser loading data passes the walls too); only
-- they write these tables.
GRANT SELECT, INSERT, UPDATE, DELETE ON sales_rollup_zones, sales_daily, sales_daily_sellers, sales_daily_items,
    sales_daily_methods TO ${app_role};

-- The completed ones of some sales, with their day in the zone their company's rollups are kept in.
CREATE FUNCTION sales_rollup_days(batch sales[])
    RETURNS TABLE (tenant_id uuid, id uuid, day date, location_id uuid, user_id uuid, total numeric, refunded numeric)
    LANGUAGE sql STABLE
AS $$
    SELECT s.tenant_id, s.id, (s.sale_date AT TIME ZONE z.time_zone)::date, s.location_id, s.user_id, s.total,
           s.refunded
    FROM unnest(batch) s
    JOIN sales_rollup_zones z ON z.tenant_id = s.tenant_id
    WHERE s.status = 'completed'
$$;

-- direction 1 adds what these sales contribute, -1 takes it away. PL/pgSQL, not SQL, for these: PostgreSQL keeps
-- their plans for the session, where a SQL function is planned again on every call.
CREATE FUNCTION sales_rollup_sales(direction integer, batch sales[]) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
        WITH s AS MATERIALIZED (SELECT * FROM sales_rollup_days(batch)),
        daily AS (
            INSERT INTO sales_daily AS d (tenant_id, day, location_id, sales, total, refunded)
            SELECT tenant_id, day, location_id, direction * count(*), direction * sum(total), direction * sum(refunded)
            FROM s GROUP BY tenant_id, day, location_id ORDER BY tenant_id, day, location_id
            ON CONFLICT (tenant_id, day, location_id) DO UPDATE
                SET sales = d.sales + EXCLUDED.sales, total = d.total + EXCLUDED.total,
                    refunded = d.refunded + EXCLUDED.refunded)
        INSERT INTO sales_daily_sellers AS d (tenant_id, day, location_id, user_id, sales, total, refunded)
        SELECT tenant_id, day, location_id, user_id, direction * count(*), direction * sum(total), direction * sum(refunded)
        FROM s GROUP BY tenant_id, day, location_id, user_id ORDER BY tenant_id, day, location_id, user_id
        ON CONFLICT (tenant_id, day, location_id, user_id) DO UPDATE
            SET sales = d.sales + EXCLUDED.sales, total = d.total + EXCLUDED.total,
                refunded = d.refunded + EXCLUDED.refunded;
END $$;

-- lines must hold every line of each of their sales, so that "sales with the item" counts each sale once.
CREATE FUNCTION sales_rollup_lines(direction integer, owners sales[], lines sale_lines[]) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
        INSERT INTO sales_daily_items AS d (tenant_id, day, location_id, item_id, quantity, revenue, sales)
        SELECT s.tenant_id, s.day, s.location_id, l.item_id, direction * sum(l.quantity - l.returned_quantity),
               direction * sum(l.total - l.returned_amount), direction * count(DISTINCT l.sale_id)
        FROM unnest(lines) l
        JOIN sales_rollup_days(owners) s ON s.tenant_id = l.tenant_id AND s.id = l.sale_id
        GROUP BY s.tenant_id, s.day, s.location_id, l.item_id ORDER BY 1, 2, 3, 4
        ON CONFLICT (tenant_id, day, location_id, item_id) DO UPDATE
            SET quantity = d.quantity + EXCLUDED.quantity, revenue = d.revenue + EXCLUDED.revenue,
                sales = d.sales + EXCLUDED.sales;
END $$;

-- payments must hold every payment of each of their sales (a sale paid twice in cash counts once for cash).
CREATE FUNCTION sales_rollup_payments(direction integer, owners sales[], payments sale_payments[]) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
        INSERT INTO sales_daily_methods AS d (tenant_id, day, location_id, method, sales, amount, refunds)
        SELECT s.tenant_id, s.day, s.location_id, p.method, direction * count(DISTINCT p.sale_id), direction * sum(p.amount), 0
        FROM unnest(payments) p
        JOIN sales_rollup_days(owners) s ON s.tenant_id = p.tenant_id AND s.id = p.sale_id
        GROUP BY s.tenant_id, s.day, s.location_id, p.method ORDER BY 1, 2, 3, 4
        ON CONFLICT (tenant_id, day, location_id, method) DO UPDATE
            SET sales = d.sales + EXCLUDED.sales, amount = d.amount + EXCLUDED.amount;
END $$;

CREATE FUNCTION sales_rollup_returns(direction integer, returns sale_returns[]) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
        INSERT INTO sales_daily_methods AS d (tenant_id, day, location_id, method, sales, amount, refunds)
        SELECT r.tenant_id, (r.created_at AT TIME ZONE z.time_zone)::date, r.location_id, r.refund_method, 0, 0,
               direction * sum(r.refund_amount)
        FROM unnest(returns) r
        JOIN sales_rollup_zones z ON z.tenant_id = r.tenant_id
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (tenant_id, day, location_id, method) DO UPDATE SET refunds = d.refunds + EXCLUDED.refunds;
END $$;

-- A company's rollups counted again from its sales, in its current time zone, a slice of sales at a time.
CREATE FUNCTION sales_rollups_rebuild(tenant uuid) RETURNS void
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
        PERFORM sales_rollup_lines(1, slice, ARRAY(SELECT l FROM sale_lines l JOIN unnest(slice) s
            ON l.tenant_id = s.tenant_id AND l.sale_id = s.id));
        PERFORM sales_rollup_payments(1, slice, ARRAY(SELECT p FROM sale_payments p JOIN unnest(slice) s
            ON p.tenant_id = s.tenant_id AND p.sale_id = s.id));
    END LOOP;
    PERFORM sales_rollup_returns(1, ARRAY(SELECT r FROM sale_returns r WHERE r.tenant_id = tenant));
END $$;

-- Of the companies named, those whose rollups are not in their current time zone are rebuilt (from the tables as
-- they are, this statement's change included) and returned: the caller adds nothing more for them.
CREATE FUNCTION sales_rollups_rebuilt(tenants uuid[]) RETURNS uuid[]
    LANGUAGE plpgsql
AS $$
DECLARE
    stale uuid[] := ARRAY(
        SELECT t.id FROM platform_tenants t
        LEFT JOIN sales_rollup_zones z ON z.tenant_id = t.id
        WHERE t.id = ANY (tenants) AND z.time_zone IS DISTINCT FROM t.time_zone);
    tenant uuid;
BEGIN
    FOREACH tenant IN ARRAY stale LOOP
        PERFORM sales_rollups_rebuild(tenant);
    END LOOP;
    RETURN stale;
END $$;

-- Transition tables have the same names in each of a table's three triggers; a branch names only those its event has.
-- The touched sales, lines and payments are found by key, a few at a time: under row-level security and a plan made
-- once per session the planner otherwise scanned whole tables on every sale (measured: seconds a sale after some
-- thousands), so the triggers use index probes only.
CREATE FUNCTION sales_rollup_on_sales() RETURNS trigger
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
    PERFORM sales_rollup_lines(-1, before_rows, ARRAY(SELECT l FROM sale_lines l JOIN unnest(before_rows) s
        ON l.tenant_id = s.tenant_id AND l.sale_id = s.id));
    PERFORM sales_rollup_lines(1, after_rows, ARRAY(SELECT l FROM sale_lines l JOIN unnest(after_rows) s
        ON l.tenant_id = s.tenant_id AND l.sale_id = s.id));
    PERFORM sales_rollup_payments(-1, before_rows, ARRAY(SELECT p FROM sale_payments p JOIN unnest(before_rows) s
        ON p.tenant_id = s.tenant_id AND p.sale_id = s.id));
    PERFORM sales_rollup_payments(1, after_rows, ARRAY(SELECT p FROM sale_payments p JOIN unnest(after_rows) s
        ON p.tenant_id = s.tenant_id AND p.sale_id = s.id));
    RETURN NULL;
END $$;

-- The touched sales' lines before the statement (now, less the new rows, plus the old ones) out, and now in.
CREATE FUNCTION sales_rollup_on_lines() RETURNS trigger
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
    owners := ARRAY(SELECT s FROM (SELECT DISTINCT c.tenant_id, c.sale_id FROM unnest(changed_old || changed_new) c) c
        JOIN sales s ON s.tenant_id = c.tenant_id AND s.id = c.sale_id
        WHERE s.status = 'completed'
          AND NOT EXISTS (SELECT 1 FROM sale_lines x JOIN unnest(changed_new) n ON n.tenant_id = x.tenant_id AND n.id = x.id
                          WHERE x.tenant_id = s.tenant_id AND x.sale_id = s.id AND x.xmin = s.xmin AND x.cmin = s.cmin));
    owners := ARRAY(SELECT s FROM unnest(owners) s WHERE s.tenant_id <> ALL (sales_rollups_rebuilt(
        ARRAY(SELECT DISTINCT o.tenant_id FROM unnest(owners) o))));
    IF cardinality(owners) = 0 THEN
        RETURN NULL;
    END IF;
    now_lines := ARRAY(SELECT l FROM sale_lines l JOIN unnest(owners) s ON l.tenant_id = s.tenant_id AND l.sale_id = s.id);
    PERFORM sales_rollup_lines(-1, owners, ARRAY(SELECT l FROM unnest(now_lines) l
        WHERE l.id NOT IN (SELECT n.id FROM unnest(changed_new) n)) || changed_old);
    PERFORM sales_rollup_lines(1, owners, now_lines);
    RETURN NULL;
END $$;

CREATE FUNCTION sales_rollup_on_payments() RETURNS trigger
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
    owners := ARRAY(SELECT s FROM (SELECT DISTINCT c.tenant_id, c.sale_id FROM unnest(changed_old || changed_new) c) c
        JOIN sales s ON s.tenant_id = c.tenant_id AND s.id = c.sale_id
        WHERE s.status = 'completed'
          AND NOT EXISTS (SELECT 1 FROM sale_payments x JOIN unnest(changed_new) n ON n.tenant_id = x.tenant_id AND n.id = x.id
                          WHERE x.tenant_id = s.tenant_id AND x.sale_id = s.id AND x.xmin = s.xmin AND x.cmin = s.cmin));
    owners := ARRAY(SELECT s FROM unnest(owners) s WHERE s.tenant_id <> ALL (sales_rollups_rebuilt(
        ARRAY(SELECT DISTINCT o.tenant_id FROM unnest(owners) o))));
    IF cardinality(owners) = 0 THEN
        RETURN NULL;
    END IF;
    now_payments := ARRAY(SELECT p FROM sale_payments p JOIN unnest(owners) s
        ON p.tenant_id = s.tenant_id AND p.sale_id = s.id);
    PERFORM sales_rollup_payments(-1, owners, ARRAY(SELECT p FROM unnest(now_payments) p
        WHERE p.id NOT IN (SELECT n.id FROM unnest(changed_new) n)) || changed_old);
    PERFORM sales_rollup_payments(1, owners, now_payments);
    RETURN NULL;
END $$;

CREATE FUNCTION sales_rollup_on_returns() RETURNS trigger
    LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
AS $$
DECLARE
    changed_old sale_returns[] := '{}';
    changed_new sale_returns[] := '{}';
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
    IF TG_OP <> 'INSERT' THEN
        changed_old := ARRAY(SELECT o FROM old_rows o);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        changed_new := ARRAY(SELECT n FROM new_rows n);
    END IF;
    rebuilt := sales_rollups_rebuilt(ARRAY(SELECT DISTINCT r.tenant_id FROM unnest(changed_old || changed_new) r));
    PERFORM sales_rollup_returns(-1, ARRAY(SELECT r FROM unnest(changed_old) r WHERE r.tenant_id <> ALL (rebuilt)));
    PERFORM sales_rollup_returns(1, ARRAY(SELECT r FROM unnest(changed_new) r WHERE r.tenant_id <> ALL (rebuilt)));
    RETURN NULL;
END $$;

CREATE TRIGGER sales_rollup_insert AFTER INSERT ON sales REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_rollup_on_sales();
CREATE TRIGGER sales_rollup_update AFTER UPDATE ON sales REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_rollup_on_sales();
CREATE TRIGGER sales_rollup_delete AFTER DELETE ON sales REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_rollup_on_sales();

CREATE TRIGGER sale_lines_rollup_insert AFTER INSERT ON sale_lines REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_rollup_on_lines();
CREATE TRIGGER sale_lines_rollup_update AFTER UPDATE ON sale_lines REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_rollup_on_lines();
CREATE TRIGGER sale_lines_rollup_delete AFTER DELETE ON sale_lines REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_rollup_on_lines();

CREATE TRIGGER sale_payments_rollup_insert AFTER INSERT ON sale_payments REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_rollup_on_payments();
CREATE TRIGGER sale_payments_rollup_update AFTER UPDATE ON sale_payments
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_rollup_on_payments();
CREATE TRIGGER sale_payments_rollup_delete AFTER DELETE ON sale_payments REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_rollup_on_payments();

CREATE TRIGGER sale_returns_rollup_insert AFTER INSERT ON sale_returns REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_rollup_on_returns();
CREATE TRIGGER sale_returns_rollup_update AFTER UPDATE ON sale_returns
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_rollup_on_returns();
CREATE TRIGGER sale_returns_rollup_delete AFTER DELETE ON sale_returns REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_rollup_on_returns();

-- The sales made so far, company by company (each under its own wall).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM platform_tenants ORDER BY id LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        PERFORM sales_rollups_rebuild(t.id);
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END $$;
