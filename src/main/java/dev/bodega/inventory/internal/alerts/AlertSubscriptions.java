package dev.bodega.inventory.internal.alerts;

import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.Actor;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Which alerts the signed-in user wants (seed 003 admin_notifications). Not subscribed is the default. */
@Service
public class AlertSubscriptions {

    static final List<String> ALERT_TYPES = List.of("low_stock");

    public record Subscription(String alertType, boolean active) {
    }

    private final JdbcClient jdbc;

    AlertSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every alert type, with whether the user receives it. */
    @Transactional(readOnly = true)
    public List<Subscription> of(UUID userId) {
        Map<String, Boolean> stored = new HashMap<>();
        jdbc.sql("SELECT alert_type, active FROM alert_subscriptions WHERE user_id = :user")
                .param("user", userId)
                .query((rs, n) -> stored.put(rs.getString("alert_type"), rs.getBoolean("active")))
                .list();
        return ALERT_TYPES.stream().map(type -> new Subscription(type, stored.getOrDefault(type, false))).toList();
    }

    /** Sets the given types on or off; types not named stay as they were. */
    @Transactional
    public List<Subscription> update(UUID userId, List<Subscription> changes) {
        for (Subscription change : changes) {
            if (!ALERT_TYPES.contains(change.alertType())) {
                throw Problems.of(InventoryProblem.UNKNOWN_ALERT_TYPE, "Alert type must be one of " + ALERT_TYPES);
            }
        }
        for (Subscription change : changes) {
            jdbc.sql("""
                            INSERT INTO alert_subscriptions (tenant_id, user_id, alert_type, active)
                            VALUES (:tenant, :user, :type, :active)
                            ON CONFLICT (tenant_id, user_id, alert_type)
                            DO UPDATE SET active = EXCLUDED.active, updated_at = EXCLUDED.updated_at""")
                    .param("tenant", TenantContext.tenantId()).param("user", userId)
                    .param("type", change.alertType()).param("active", change.active())
                    .update();
        }
        return of(userId);
    }

    static UUID me() {
        return Actor.require().userId();
    }
}
