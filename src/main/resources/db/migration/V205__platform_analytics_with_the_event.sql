-- Each business event is now copied to analytics_events by the statement that records it, and queued for the
-- webhook dispatcher only when an active endpoint of the company subscribes to its type (it used to be copied by
-- the dispatcher, in a transaction of its own after every commit that recorded an event: one more transaction per
-- sale for every company, with webhooks or not).

-- A partner user's work records events too (an order placed from the portal), so the wall is on reading only.
DROP POLICY analytics_events_staff_only ON analytics_events;
CREATE POLICY analytics_events_staff_reads ON analytics_events AS RESTRICTIVE FOR SELECT
    USING (app_current_partner() IS NULL);

-- The events still queued were not copied yet: copy them now, company by company (the tables are walled per tenant).
DO $$
DECLARE
    tenant uuid;
BEGIN
    FOR tenant IN SELECT webhook_queue_tenants() LOOP
        PERFORM set_config('app.tenant_id', tenant::text, true);
        INSERT INTO analytics_events (tenant_id, id, event_type, subject_id, payload, occurred_at, recorded_at)
        SELECT e.tenant_id, e.id, e.event_type, e.subject_id, e.payload, e.occurred_at, e.recorded_at
        FROM business_event_queue q JOIN business_events e ON e.tenant_id = q.tenant_id AND e.id = q.event_id
        WHERE q.tenant_id = tenant
        ON CONFLICT DO NOTHING;
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END $$;
