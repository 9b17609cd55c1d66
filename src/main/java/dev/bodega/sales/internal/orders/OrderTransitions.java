package dev.bodega.sales.internal.orders;

import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Versions;
import dev.bodega.sales.internal.SalesProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The one way a customer order changes state: checked against {@link OrderStatus}, then one conditional UPDATE on
 * the state and version it was read at (so of two concurrent approvals exactly one wins; the other is a 409), and
 * its history row in the same transaction.
 */
@Component
class OrderTransitions {

    /** An order as its transition reads it. */
    record Current(UUID id, UUID organizationId, UUID destinationId, String status, UUID orderedBy, long version) {

        OrderStatus state() {
            return OrderStatus.of(status);
        }
    }

    private final JdbcClient jdbc;

    OrderTransitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The order locked for the rest of the transaction (a shipment, a draft's edit); another's id is not found. */
    Current lock(UUID id) {
        return jdbc.sql("""
                        SELECT id, organization_id, destination_id, status, ordered_by, version FROM customer_orders
                        WHERE tenant_id = :tenant AND id = :id FOR UPDATE""")
                .param("tenant", TenantContext.tenantId()).param("id", id).query(Current.class).optional()
                .orElseThrow(() -> new NotFoundException("Customer order"));
    }

    Current read(UUID id) {
        return jdbc.sql("""
                        SELECT id, organization_id, destination_id, status, ordered_by, version FROM customer_orders
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId()).param("id", id).query(Current.class).optional()
                .orElseThrow(() -> new NotFoundException("Customer order"));
    }

    /**
     * Moves the order, read at {@code expectedVersion} (missing: 428, stale: 409), to {@code to}; {@code reason}
     * for a rejection or cancellation, {@code expectedDelivery} (may be null) for an approval.
     */
    Current move(UUID id, Long expectedVersion, OrderStatus to, String reason, LocalDate expectedDelivery) {
        Current current = read(id);
        Versions.check(expectedVersion, current.version());
        return move(current, to, reason, expectedDelivery);
    }

    /** Moves an order already read (or locked) at its version. */
    Current move(Current current, OrderStatus to, String reason, LocalDate expectedDelivery) {
        OrderStatus from = current.state();
        if (!from.canGoTo(to)) {
            throw illegal(from, to);
        }
        UUID user = TenantContext.userId().orElse(null);
        int moved = jdbc.sql("""
                        UPDATE customer_orders SET status = :to, version = version + 1, updated_at = now(),
                               order_date = CASE WHEN :to = 'submitted' THEN now() ELSE order_date END,
                               approved_by = CASE WHEN :to = 'approved' THEN CAST(:user AS uuid) ELSE approved_by END,
                               approved_at = CASE WHEN :to = 'approved' THEN now() ELSE approved_at END,
                               expected_delivery = coalesce(CAST(:eta AS date), expected_delivery),
                               reason = CASE WHEN :to IN ('rejected', 'cancelled') THEN CAST(:reason AS text)
                                             ELSE reason END,
                               actual_delivery = CASE WHEN :to = 'delivered' THEN now() ELSE actual_delivery END
                        WHERE tenant_id = :tenant AND id = :id AND status = :from AND version = :version""")
                .param("to", to.code()).param("from", from.code()).param("user", user)
                .param("eta", expectedDelivery).param("reason", reason)
                .param("tenant", TenantContext.tenantId()).param("id", current.id())
                .param("version", current.version()).update();
        if (moved == 0) {
            // Someone else moved it first: what it became decides nothing here, the caller reloads.
            throw Problems.of(SalesProblem.ORDER_TRANSITION, "The order was changed by someone else while it was "
                    + from.code() + "; reload it");
        }
        record(current.id(), from, to, reason);
        return new Current(current.id(), current.organizationId(), current.destinationId(), to.code(),
                current.orderedBy(), current.version() + 1);
    }

    /** The history row of a move ({@code from} null: the order was created). */
    void record(UUID orderId, OrderStatus from, OrderStatus to, String reason) {
        jdbc.sql("""
                        INSERT INTO customer_order_history (tenant_id, id, order_id, from_status, to_status, user_id,
                                                            reason)
                        VALUES (:tenant, :id, :order, :from, :to, :user, :reason)""")
                .param("tenant", TenantContext.tenantId()).param("id", Ids.next()).param("order", orderId)
                .param("from", from == null ? null : from.code()).param("to", to.code())
                .param("user", TenantContext.userId().orElse(null)).param("reason", reason).update();
    }

    static RuntimeException illegal(OrderStatus from, OrderStatus to) {
        return Problems.of(SalesProblem.ORDER_TRANSITION, "A " + from.code() + " order cannot become " + to.code());
    }
}
