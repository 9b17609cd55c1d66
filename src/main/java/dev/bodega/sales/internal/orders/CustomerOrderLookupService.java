package dev.bodega.sales.internal.orders;

import dev.bodega.platform.TenantContext;
import dev.bodega.sales.CustomerOrderLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link CustomerOrderLookup}: customers and customer orders read in the caller's transaction. */
@Service
class CustomerOrderLookupService implements CustomerOrderLookup {

    private final JdbcClient jdbc;

    CustomerOrderLookupService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UUID> organizationOf(UUID customerId) {
        return jdbc.sql("""
                        SELECT organization_id FROM customers
                        WHERE tenant_id = :tenant AND id = :customer AND organization_id IS NOT NULL""")
                .param("tenant", TenantContext.tenantId()).param("customer", customerId)
                .query(UUID.class).optional();
    }

    @Override
    public List<OrderState> ordersOf(UUID organizationId, Long number, int limit) {
        return jdbc.sql("""
                        SELECT o.number, %s AS code, o.status, o.order_date, o.expected_delivery, o.actual_delivery
                        FROM customer_orders o
                        WHERE o.tenant_id = :tenant AND o.organization_id = :organization
                          AND (CAST(:number AS bigint) IS NULL OR o.number = :number)
                        ORDER BY o.order_date DESC, o.id DESC LIMIT :limit""".formatted(OrderQueries.CODE))
                .param("tenant", TenantContext.tenantId()).param("organization", organizationId)
                .param("number", number).param("limit", limit).query(OrderState.class).list();
    }
}
