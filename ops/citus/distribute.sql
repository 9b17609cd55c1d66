-- Turns a migrated Bodega database into a distributed one on Citus (issue 19). Run by ops/citus/distribute.sh as a
-- superuser on the coordinator, in Bodega's database, once the workers are added and no Bodega server is running.
-- Running it again distributes only what is still local (a table a later migration added).
--
-- The lists come from the catalog, so a new table needs no edit here:
--   * reference tables (one copy on every node): the tables without a tenant_id column, and those named in
--     ops/citus/reference-tables.txt (global lookups that carry a tenant_id as their answer);
--   * distributed tables: every other table, sharded by tenant_id and colocated with each other, so a company's
--     rows of all tables live on one node and their composite foreign keys and joins stay on it; a partitioned
--     table is distributed through its parent (its partitions follow);
--   * left on the coordinator: the server's own bookkeeping, which no company's query joins (below).
-- Tables are taken parents first (the referenced table of a foreign key before the referencing one), so every
-- reference table comes before the distributed tables that point at it.

\set ON_ERROR_STOP on

CREATE EXTENSION IF NOT EXISTS citus;

-- Bodega's server-side bookkeeping, written all the time and never joined with a company's rows: a reference table
-- would write each of its rows on every node, for nothing.
SELECT set_config('bodega.coordinator_tables',
                  'flyway_schema_history spring_session spring_session_attributes scheduled_tasks '
                  || 'event_publication event_publication_archive', false);
SELECT set_config('bodega.reference_tables', :'reference_tables', false);

DO $$
BEGIN
    IF (SELECT count(*) FROM citus_get_active_worker_nodes()) = 0 THEN
        RAISE EXCEPTION 'No Citus worker is active: add them first (SELECT citus_add_node(host, port))';
    END IF;
    -- Citus runs triggers on the shards only when told to; and a transaction's tenant (SET LOCAL app.tenant_id)
    -- must reach the workers, where row-level security reads it.
    EXECUTE format('ALTER DATABASE %I SET citus.enable_unsafe_triggers = on', current_database());
    EXECUTE format('ALTER DATABASE %I SET citus.propagate_set_commands = %L', current_database(), 'local');
    -- The ledger's trigger runs on the worker holding the ledger row's shard and reads and writes that company's stock
    -- level, item and settings there: statements that name the row's tenant, so Citus sends each to the colocated
    -- shard on the same node and runs it locally, in the same transaction. Citus refuses any statement from a query
    -- on a shard unless told; one that would have to reach another node still fails ("already assigned a
    -- transaction id"), so nothing is read from a node the transaction does not hold.
    EXECUTE format('ALTER DATABASE %I SET citus.allow_nested_distributed_execution = on', current_database());
    -- A company's sign-up writes the reference table tenants after reading distributed tables in the same transaction,
    -- which Citus allows only over one connection per node. Bodega's queries stay on one company's shards, so taking
    -- the nodes one connection at a time costs little.
    EXECUTE format('ALTER DATABASE %I SET citus.multi_shard_modify_mode = %L', current_database(), 'sequential');
END
$$;

SET citus.enable_unsafe_triggers = on;

-- Placed: already a reference or a distributed table. A table Citus took in on its own (a "local" table it keeps
-- on the coordinator because a foreign key joins it to a reference table) still has to be placed.
SET client_min_messages = warning;
CREATE FUNCTION pg_temp.placed(relation regclass) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT FROM pg_dist_partition d
                   WHERE d.logicalrelid = relation AND (d.partkey IS NOT NULL OR d.repmodel = 't'))
$$;
RESET client_min_messages;

CREATE TEMPORARY TABLE distribution_plan AS
SELECT c.oid::regclass AS relation,
       CASE WHEN c.relname = ANY (string_to_array(current_setting('bodega.reference_tables'), ' '))
                 OR NOT EXISTS (SELECT FROM pg_attribute a
                                WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
            THEN 'reference' ELSE 'distributed' END AS kind
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public'
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND (c.relname <> ALL (string_to_array(current_setting('bodega.coordinator_tables'), ' '))
       OR c.relname = ANY (string_to_array(current_setting('bodega.reference_tables'), ' ')))
  AND NOT pg_temp.placed(c.oid);

-- Foreign keys from tables not yet placed to the one being placed, taken off meanwhile: Citus would otherwise pull
-- the whole graph of local tables around a new reference table into its metadata (and trip over the views on them).
CREATE TEMPORARY TABLE dropped_foreign_keys (child regclass, parent regclass, name name, definition text);

SELECT kind, count(*) AS tables, string_agg(relation::text, ' ' ORDER BY relation::text) AS names
FROM distribution_plan GROUP BY kind ORDER BY kind DESC;

-- One table per transaction, parents first. The foreign keys pointing at it from tables still to come are dropped and
-- added back as soon as each of those is placed. Its triggers are disabled while Citus copies its rows into the shards
-- (the shards are created with the same triggers in the same state), so the copy does not write the audit log,
-- price history or ledger again; those that were enabled are enabled again afterwards, on the shards too.
DO $$
DECLARE
    next regclass;
    next_kind text;
    anchor text;
    enabled_triggers name[];
    trigger_name name;
    statements text[];
    statement text;
BEGIN
    LOOP
        SELECT p.relation, p.kind INTO next, next_kind
        FROM distribution_plan p
        WHERE NOT pg_temp.placed(p.relation)
          AND NOT EXISTS (SELECT FROM pg_constraint f
                          JOIN distribution_plan parent ON parent.relation = f.confrelid::regclass
                          WHERE f.contype = 'f' AND f.conrelid = p.relation AND f.confrelid <> f.conrelid
                            AND NOT pg_temp.placed(f.confrelid))
        ORDER BY p.kind DESC, p.relation::text
        LIMIT 1;
        EXIT WHEN next IS NULL;

        SELECT coalesce(array_agg(t.tgname), '{}') INTO enabled_triggers
        FROM pg_trigger t WHERE t.tgrelid = next AND NOT t.tgisinternal AND t.tgenabled <> 'D';
        EXECUTE format('ALTER TABLE %s DISABLE TRIGGER USER', next);
        WITH taken AS (
            INSERT INTO dropped_foreign_keys
            SELECT f.conrelid, f.confrelid, f.conname, pg_get_constraintdef(f.oid)
            FROM pg_constraint f
            WHERE f.contype = 'f' AND f.confrelid = next AND f.conrelid <> next AND f.conparentid = 0
              AND NOT pg_temp.placed(f.conrelid)
            RETURNING child, name)
        SELECT coalesce(array_agg(format('ALTER TABLE %s DROP CONSTRAINT %I', child, name)), '{}')
        INTO statements FROM taken;
        FOREACH statement IN ARRAY statements LOOP
            EXECUTE statement;
        END LOOP;

        IF next_kind = 'reference' THEN
            PERFORM create_reference_table(next);
        ELSE
            -- Citus creates a distributed table that points at a reference table only one shard at a time
            -- inside a transaction.
            PERFORM set_config('citus.multi_shard_modify_mode',
                               CASE WHEN EXISTS (SELECT FROM pg_constraint f
                                                 JOIN pg_dist_partition d ON d.logicalrelid = f.confrelid
                                                 WHERE f.contype = 'f' AND f.conrelid = next AND d.repmodel = 't')
                                         OR EXISTS (SELECT FROM dropped_foreign_keys k
                                                    JOIN pg_dist_partition d ON d.logicalrelid = k.parent
                                                    WHERE k.child = next AND d.repmodel = 't')
                                    THEN 'sequential' ELSE 'parallel' END, true);
            SELECT d.logicalrelid::text INTO anchor
            FROM pg_dist_partition d WHERE d.partkey IS NOT NULL ORDER BY d.colocationid, d.logicalrelid LIMIT 1;
            PERFORM create_distributed_table(next, 'tenant_id', colocate_with => coalesce(anchor, 'default'));
        END IF;

        FOR statement IN DELETE FROM dropped_foreign_keys k WHERE k.child = next
                         RETURNING format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.child, k.name, k.definition) LOOP
            EXECUTE statement;
        END LOOP;
        FOREACH trigger_name IN ARRAY enabled_triggers LOOP
            EXECUTE format('ALTER TABLE %s ENABLE TRIGGER %I', next, trigger_name);
        END LOOP;
        RAISE NOTICE '% table: %', next_kind, next;
        COMMIT;
    END LOOP;

    IF EXISTS (SELECT FROM distribution_plan p WHERE NOT pg_temp.placed(p.relation)) THEN
        RAISE EXCEPTION 'Foreign keys in a cycle: % left undistributed',
            (SELECT string_agg(p.relation::text, ', ') FROM distribution_plan p WHERE NOT pg_temp.placed(p.relation));
    END IF;
END
$$;

-- The rows now live in the shards; the coordinator's copies are only dead weight on its disk.
SELECT count(truncate_local_data_after_distributing_table(d.logicalrelid)) AS tables_emptied_on_the_coordinator
FROM pg_dist_partition d
JOIN pg_class c ON c.oid = d.logicalrelid
WHERE NOT c.relispartition AND pg_temp.placed(c.oid);

-- Privileges granted column by column (the application may write only some columns of some tables, such as
-- stock_levels' quantities, which only the ledger writes) are not given to the shards by Citus, and the statement a
-- shard receives names every column, its defaults filled in. The coordinator checks the column privileges before a
-- statement reaches any shard (an application INSERT naming on_hand is refused there); the shards get the privilege
-- for the whole table.
SELECT count(*) AS grants_on_shards, count(*) FILTER (WHERE NOT r.success) AS failed
FROM (SELECT DISTINCT d.logicalrelid AS relation, g.privilege_type, pg_get_userbyid(g.grantee) AS grantee
      FROM pg_dist_partition d
      JOIN pg_attribute a ON a.attrelid = d.logicalrelid AND a.attnum > 0 AND NOT a.attisdropped AND a.attacl IS NOT NULL
      CROSS JOIN LATERAL aclexplode(a.attacl) g
      WHERE g.grantee <> 0) c
CROSS JOIN LATERAL run_command_on_placements(c.relation, format('GRANT %s ON %%s TO %I', c.privilege_type, c.grantee)) r;

-- Citus creates the views on the workers (the ledger's and the rollups' triggers read them there) without their
-- privileges; granted again on the coordinator, they reach the workers.
DO $$
DECLARE
    statement text;
BEGIN
    FOR statement IN
        SELECT format('GRANT %s ON %s TO %I', g.privilege_type, c.oid::regclass, pg_get_userbyid(g.grantee))
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        CROSS JOIN LATERAL aclexplode(c.relacl) g
        WHERE c.relkind = 'v' AND g.grantee <> c.relowner AND g.grantee <> 0 LOOP
        EXECUTE statement;
    END LOOP;
END
$$;

-- Citus 13.2 copies a table's policies to its shards without AS RESTRICTIVE (commands/policy.c builds CREATE POLICY
-- without it), so on the shards a restrictive policy (the partner walls, the audit log's) is permissive, and OR'ed
-- with the company's own policy it let every user read every company's rows. Each restrictive policy is made again
-- on every shard as it is. A migration that adds or changes a restrictive policy later must be followed by this script.
DO $$
DECLARE
    p record;
    command text;
    made integer := 0;
BEGIN
    FOR p IN
        SELECT d.logicalrelid AS relation, x.policyname,
               format('CREATE POLICY %I ON %%s AS RESTRICTIVE FOR %s TO %s%s%s', x.policyname, x.cmd,
                      (SELECT string_agg(CASE WHEN r = 'public' THEN 'PUBLIC' ELSE quote_ident(r) END, ', ')
                       FROM unnest(x.roles) r),
                      ' USING (' || x.qual || ')', ' WITH CHECK (' || x.with_check || ')') AS definition
        FROM pg_policies x
        JOIN pg_dist_partition d ON d.logicalrelid = format('%I.%I', x.schemaname, x.tablename)::regclass
        WHERE x.permissive = 'RESTRICTIVE'
        ORDER BY 1, 2 LOOP
        FOREACH command IN ARRAY ARRAY[format('DROP POLICY IF EXISTS %I ON %%s', p.policyname), p.definition] LOOP
            IF EXISTS (SELECT FROM run_command_on_placements(p.relation, command) r WHERE NOT r.success) THEN
                RAISE EXCEPTION 'Policy % of % could not be made again on its shards', p.policyname, p.relation;
            END IF;
        END LOOP;
        made := made + 1;
    END LOOP;
    RAISE NOTICE '% restrictive policies made again on every shard', made;
END
$$;

-- A function that triggers and policies call only from their bodies is no dependency Citus sees, so it would exist on
-- the coordinator alone (the rollups' triggers call a dozen: "function … does not exist" on the worker). Every
-- function of Bodega's schema goes to every node, with its privileges; a later CREATE OR REPLACE (a new migration)
-- follows it there.
DO $$
DECLARE
    function regprocedure;
    taken integer := 0;
BEGIN
    FOR function IN
        SELECT p.oid::regprocedure FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'public'
        WHERE p.prokind IN ('f', 'p')
          AND NOT EXISTS (SELECT FROM pg_depend d
                          WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
          AND NOT EXISTS (SELECT FROM pg_dist_object o WHERE o.classid = 'pg_proc'::regclass AND o.objid = p.oid)
        ORDER BY p.oid LOOP
        PERFORM create_distributed_function(function);
        taken := taken + 1;
    END LOOP;
    RAISE NOTICE '% functions sent to every node', taken;
END
$$;

SELECT CASE WHEN partkey IS NULL THEN 'reference' ELSE 'distributed' END AS kind, count(*) AS tables,
       count(DISTINCT colocationid) AS colocation_groups
FROM pg_dist_partition d JOIN pg_class c ON c.oid = d.logicalrelid
WHERE NOT c.relispartition AND pg_temp.placed(c.oid)
GROUP BY 1 ORDER BY 1 DESC;
