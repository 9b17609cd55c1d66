-- Changes to who may do what are announced by the application, in the transaction that makes them (AuthChanges,
-- SELECT pg_notify('bodega_auth', '')), no longer by V191's triggers: on a distributed PostgreSQL (Citus) a trigger
-- runs on the worker holding the shard, where no server listens, and a NOTIFY there makes its two-phase commit fail.
-- On Citus, the function can be dropped after its triggers in one transaction only if they were dropped one shard at
-- a time; elsewhere this is a setting nobody reads.
SET LOCAL citus.multi_shard_modify_mode = 'sequential';
DROP TRIGGER api_keys_auth_change ON api_keys;
DROP TRIGGER users_auth_change ON users;
DROP TRIGGER user_roles_auth_change ON user_roles;
DROP TRIGGER roles_auth_change ON roles;
DROP FUNCTION app_announce_auth_change();
