package dev.bodega.sales.internal.cash;

import dev.bodega.platform.Ids;
import dev.bodega.sales.ReturnCreated;
import dev.bodega.sales.SaleCancelled;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * What a refund pays back while a session is open at its location becomes that session's movement, in the
 * refund's own transaction: a return (where its goods came back) and a cancellation of a completed sale (each
 * payment method given back). The session row is locked shared, as a sale does, so a close waits for it. With no
 * open session nothing is recorded: the till works without one.
 */
@Component
class CashRefunds {

    private final JdbcClient jdbc;

    CashRefunds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ReturnCreated event) {
        if (event.refundAmount().signum() == 0) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO cash_movements (tenant_id, id, session_id, kind, method, amount, reason, sale_id,
                                                    return_id, user_id, created_at)
                        SELECT r.tenant_id, :id, c.id, 'return', r.refund_method, r.refund_amount, r.reason, r.sale_id,
                               r.id, r.user_id, r.created_at
                        FROM sale_returns r
                        JOIN cash_sessions c ON c.tenant_id = r.tenant_id AND c.location_id = r.location_id
                                            AND c.status = 'open'
                        WHERE r.tenant_id = :tenant AND r.id = :return
                        FOR SHARE OF c""")
                .param("id", Ids.next()).param("tenant", event.tenantId()).param("return", event.returnId())
                .update();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(SaleCancelled event) {
        List<UUID> open = jdbc.sql("""
                        SELECT id FROM cash_sessions
                        WHERE tenant_id = :tenant AND location_id = :location AND status = 'open' FOR SHARE""")
                .param("tenant", event.tenantId()).param("location", event.locationId()).query(UUID.class).list();
        if (open.isEmpty()) {
            return;
        }
        record Paid(String method, BigDecimal amount) {
        }
        List<Paid> paid = jdbc.sql("""
                        SELECT method, sum(amount) AS amount FROM sale_payments
                        WHERE tenant_id = :tenant AND sale_id = :sale GROUP BY method ORDER BY method""")
                .param("tenant", event.tenantId()).param("sale", event.saleId()).query(Paid.class).list();
        for (Paid p : paid) {
            jdbc.sql("""
                            INSERT INTO cash_movements (tenant_id, id, session_id, kind, method, amount, reason,
                                                        sale_id, user_id, created_at)
                            VALUES (:tenant, :id, :session, 'cancellation', :method, :amount, :reason, :sale, :user,
                                    :at)""")
                    .param("tenant", event.tenantId()).param("id", Ids.next()).param("session", open.get(0))
                    .param("method", p.method()).param("amount", p.amount()).param("reason", event.reason())
                    .param("sale", event.saleId()).param("user", event.cancelledBy())
                    .param("at", Timestamp.from(event.cancelledAt())).update();
        }
    }
}
