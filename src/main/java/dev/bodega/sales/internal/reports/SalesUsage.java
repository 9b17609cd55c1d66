package dev.bodega.sales.internal.reports;

import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.UsageFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The operator console's count of a company's sales completed this month, in the company's time zone. */
@Component
class SalesUsage implements UsageFigure {

    private final JdbcClient jdbc;

    SalesUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "salesThisMonth";
    }

    @Override
    public long count(TenantSettings company) {
        return jdbc.sql("""
                        SELECT count(*) FROM sales
                        WHERE tenant_id = :tenant
                          AND completed_at >= date_trunc('month', now() AT TIME ZONE :zone) AT TIME ZONE :zone""")
                .param("tenant", TenantContext.tenantId()).param("zone", company.timeZone())
                .query(Long.class).single();
    }
}
