package dev.bodega.catalog.internal.items;

import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.UsageFigure;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The operator console's count of a company's items (the plan's max_items counts the same). */
@Component
class ItemsUsage implements UsageFigure {

    private final JdbcClient jdbc;

    ItemsUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "items";
    }

    @Override
    public long count(TenantSettings company) {
        return jdbc.sql("SELECT count(*) FROM items WHERE tenant_id = :tenant AND deleted_at IS NULL")
                .param("tenant", TenantContext.tenantId()).query(Long.class).single();
    }
}
