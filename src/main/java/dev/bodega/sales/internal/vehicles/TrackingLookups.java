package dev.bodega.sales.internal.vehicles;

import dev.bodega.platform.CompanyBackups;
import dev.bodega.platform.TenantContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A company imported from a backup brings its vehicle orders with new tracking tokens, but the global lookup
 * (vehicle_order_tracking, V200) is no company's table and travels in no backup: its entries are written here.
 */
@Component
class TrackingLookups {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TrackingLookups(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @EventListener
    void on(CompanyBackups.Imported imported) {
        TenantContext.runAs(TenantContext.Scope.system(imported.tenantId()),
                () -> transactions.executeWithoutResult(tx -> jdbc.sql("""
                                INSERT INTO vehicle_order_tracking (tracking_token, tenant, order_id)
                                SELECT tracking_token, tenant_id, id FROM vehicle_orders WHERE tenant_id = :tenant
                                ON CONFLICT DO NOTHING""")
                        .param("tenant", imported.tenantId()).update()));
    }
}
