-- V40's cycle check without CYCLE ... SET: on a Citus shard its generated column is ambiguous ("is_cycle"). The
-- same walk up the tree as a plain recursive query; the ids already visited stop it should the tree ever hold a
-- loop.
CREATE OR REPLACE FUNCTION categories_refuse_cycle() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.parent_id IS NOT NULL AND EXISTS (
        WITH RECURSIVE ancestors(id, parent_id, visited) AS (
            SELECT c.id, c.parent_id, ARRAY[c.id] FROM categories c WHERE c.tenant_id = NEW.tenant_id AND c.id = NEW.parent_id
            UNION ALL
            SELECT c.id, c.parent_id, a.visited || c.id
            FROM categories c JOIN ancestors a ON c.tenant_id = NEW.tenant_id AND c.id = a.parent_id
            WHERE c.id <> ALL (a.visited)
        )
        SELECT 1 FROM ancestors WHERE id = NEW.id) THEN
        RAISE EXCEPTION 'category % cannot be moved under its own descendant', NEW.id
            USING ERRCODE = 'P0001', HINT = 'category-cycle';
    END IF;
    RETURN NEW;
END $$;
