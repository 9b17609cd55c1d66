-- Voiding a sale is its own permission, sales.void (it was sales.cancel). Managers and admins hold it through
-- their wildcards; the default seller role no longer does: a seller asks, a manager approves.
-- Every company's roles change, so row-level security is lifted for the owner for this one statement pair
-- (the application role is not affected: it is not the owner) and forced again.
ALTER TABLE roles NO FORCE ROW LEVEL SECURITY;
UPDATE roles SET permissions = array_replace(permissions, 'sales.cancel', 'sales.void')
WHERE 'sales.cancel' = ANY (permissions);
UPDATE roles SET permissions = array_remove(permissions, 'sales.*') || ARRAY['sales.read', 'sales.create', 'sales.return']
WHERE system AND name = 'seller' AND 'sales.*' = ANY (permissions);
ALTER TABLE roles FORCE ROW LEVEL SECURITY;
