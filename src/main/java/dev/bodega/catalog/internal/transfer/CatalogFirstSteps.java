package dev.bodega.catalog.internal.transfer;

import dev.bodega.platform.FirstStep;
import dev.bodega.platform.TenantContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalog's step of a new company's first steps: its items, imported from a spreadsheet. */
@Configuration(proxyBeanMethods = false)
class CatalogFirstSteps {

    @Bean
    FirstStep firstItems(JdbcClient jdbc) {
        return new FirstStep(20, "home.step.items", "/catalog/import", "catalog.write", () -> jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM items WHERE tenant_id = :tenant AND deleted_at IS NULL)")
                .param("tenant", TenantContext.tenantId()).query(Boolean.class).single());
    }
}
