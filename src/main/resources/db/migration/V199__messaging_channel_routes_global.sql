-- A channel's address (a WhatsApp phone number id, a web chat key) routes an inbound request to its company before
-- the company is known: channel_routes becomes a global lookup (V198), keyed by the address alone, with no tenant_id
-- (the company is its column "tenant"), no row-level security and no foreign key into a tenant table (a table kept
-- whole on every node cannot point into one sharded by company). Only ChannelRoutes writes it, with the channel.
DROP POLICY channel_routes_by_address ON channel_routes;
DROP POLICY channel_routes_tenant ON channel_routes;
DROP POLICY channel_routes_staff_only ON channel_routes;
ALTER TABLE channel_routes NO FORCE ROW LEVEL SECURITY;
ALTER TABLE channel_routes DISABLE ROW LEVEL SECURITY;
ALTER TABLE channel_routes DROP CONSTRAINT channel_routes_tenant_id_integration_id_fkey;
ALTER TABLE channel_routes RENAME COLUMN tenant_id TO tenant;
ALTER TABLE channel_routes ADD FOREIGN KEY (tenant) REFERENCES tenants (id);
