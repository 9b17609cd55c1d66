-- Partner walls on service (see V119): a partner user sees its organization's machines and their readings; the
-- shop's technicians and warranty claims are the staff's.
CREATE POLICY machines_partner ON machines AS RESTRICTIVE USING (app_partner_sees(organization_id));

-- Through machines' own row-level security, as V121 does for sale lines.
CREATE FUNCTION app_partner_runs(machine uuid) RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT EXISTS (SELECT 1 FROM machines WHERE tenant_id = app_current_tenant() AND id = machine)
$$;
GRANT EXECUTE ON FUNCTION app_partner_runs(uuid) TO ${app_role};
CREATE POLICY machine_readings_partner ON machine_readings AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_runs(machine_id));

SELECT app_wall_off_partners(t) FROM unnest(ARRAY[
    'technician_movements', 'warranty_claims', 'warranty_claim_photos'
]::regclass[]) t;
