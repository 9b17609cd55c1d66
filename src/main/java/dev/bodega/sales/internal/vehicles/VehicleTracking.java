package dev.bodega.sales.internal.vehicles;

import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The customer's view of one vehicle order, found by its tracking token before any company is known (the global
 * lookup vehicle_order_tracking, V200, then the order inside its company): the order's number, model, progress and
 * dates, and nothing else of the company.
 */
@Service
class VehicleTracking {

    record Tracking(String number, String modelName, int level, String status, LocalDate orderDate,
                    LocalDate estimatedDelivery, Instant inTransitAt, Instant deliveredAt, String companyName) {
    }

    private record Found(UUID tenantId, UUID id) {
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32,64}");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    VehicleTracking(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    Optional<Tracking> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Optional<Found> found = transactions.execute(tx -> jdbc.sql(
                        "SELECT tenant AS tenant_id, order_id AS id FROM vehicle_order_tracking WHERE tracking_token = :token")
                .param("token", token).query(Found.class).optional());
        return found.flatMap(order -> TenantContext.callAs(TenantContext.Scope.system(order.tenantId()),
                () -> transactions.execute(tx -> jdbc.sql("""
                                SELECT o.number, m.name AS model_name, o.level, o.status, o.order_date,
                                       o.estimated_delivery, o.in_transit_at, o.delivered_at, t.name AS company_name
                                FROM vehicle_orders o
                                JOIN catalog_vehicle_models m ON m.tenant_id = o.tenant_id AND m.id = o.model_id
                                JOIN platform_tenants t ON t.id = o.tenant_id
                                WHERE o.tenant_id = :tenant AND o.id = :id""")
                        .param("tenant", order.tenantId()).param("id", order.id())
                        .query(Tracking.class).optional())));
    }
}
