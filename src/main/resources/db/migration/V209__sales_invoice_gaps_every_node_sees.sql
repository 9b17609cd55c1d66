-- The invoice gap check (V184) enters each company as the ledger check does (V196): with SET LOCAL, which reaches
-- Citus's workers, and through app_enter_company, which refuses a company it cannot see rather than report no gap.
CREATE OR REPLACE FUNCTION invoice_gaps_all()
    RETURNS TABLE (tenant_id uuid, tenant_slug text, series_code text, numbers_given bigint, sales_numbered bigint)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    t             record;
    saved_tenant  text := coalesce(current_setting('app.tenant_id', true), '');
    saved_user    text := coalesce(current_setting('app.user_id', true), '');
    saved_partner text := coalesce(current_setting('app.partner_id', true), '');
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = 'tenants' AND p.policyname = 'tenants_owner_lists_all') THEN
        RAISE EXCEPTION 'checking every tenant needs a schema owner role distinct from the application role'
            USING ERRCODE = 'P0001';
    END IF;
    PERFORM app_set_local('app.user_id', '');
    PERFORM app_set_local('app.partner_id', '');
    FOR t IN SELECT x.id, x.slug FROM platform_tenants x ORDER BY x.slug LOOP
        PERFORM app_enter_company(t.id);
        RETURN QUERY
            SELECT s.tenant_id, t.slug::text, s.code::text, s.next_number - 1, count(n.invoice_number)
            FROM invoice_series s
            LEFT JOIN sales n ON n.tenant_id = s.tenant_id AND n.series_id = s.id AND n.invoice_number IS NOT NULL
                AND n.invoice_number BETWEEN 1 AND s.next_number - 1
            WHERE s.tenant_id = t.id
            GROUP BY s.tenant_id, s.id, s.code, s.next_number
            HAVING count(n.invoice_number) <> s.next_number - 1
                OR EXISTS (SELECT 1 FROM sales o WHERE o.tenant_id = s.tenant_id AND o.series_id = s.id
                           AND o.invoice_number >= s.next_number)
            ORDER BY s.code;
    END LOOP;
    PERFORM app_set_local('app.tenant_id', saved_tenant);
    PERFORM app_set_local('app.user_id', saved_user);
    PERFORM app_set_local('app.partner_id', saved_partner);
END $$;
