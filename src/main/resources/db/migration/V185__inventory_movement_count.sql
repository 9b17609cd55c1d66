-- The current company's stock movements (ledger rows) since the start of this calendar year in its time zone: the
-- plan limit of seed 004 (7,500 a year, tenants.max_stock_movements_per_year, V183) and the operator console's usage
-- figure. Every row counts, whichever locations or partner organization the caller may see, hence SECURITY DEFINER
-- with the caller's user and partner set aside (the tenant stays: row-level security still keeps the count to it).
CREATE FUNCTION stock_movements_this_year() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    saved_user    text := coalesce(current_setting('app.user_id', true), '');
    saved_partner text := coalesce(current_setting('app.partner_id', true), '');
    year_start    timestamptz;
    counted       bigint;
BEGIN
    PERFORM set_config('app.user_id', '', true);
    PERFORM set_config('app.partner_id', '', true);
    SELECT date_trunc('year', now() AT TIME ZONE t.time_zone) AT TIME ZONE t.time_zone INTO year_start
    FROM platform_tenants t WHERE t.id = app_current_tenant();
    SELECT count(*) INTO counted FROM stock_ledger l
    WHERE l.tenant_id = app_current_tenant() AND l.created_at >= year_start;
    PERFORM set_config('app.user_id', saved_user, true);
    PERFORM set_config('app.partner_id', saved_partner, true);
    RETURN counted;
END $$;
REVOKE ALL ON FUNCTION stock_movements_this_year() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stock_movements_this_year() TO ${app_role};
