package dev.bodega.platform.internal.notify;

import dev.bodega.platform.NotificationType;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Which kinds of notification a user receives: every kind, unless they opted out of it. */
@Service
public class NotificationSubscriptions {

    public record Subscription(String type, boolean subscribed) {
    }

    private final JdbcClient jdbc;

    NotificationSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every kind, in the enum's order, with whether the user receives it. */
    @Transactional(readOnly = true)
    public List<Subscription> of(UUID userId) {
        Set<String> off = optedOut(userId);
        return Arrays.stream(NotificationType.values())
                .map(type -> new Subscription(type.code(), !off.contains(type.code()))).toList();
    }

    @Transactional(readOnly = true)
    public boolean receives(UUID userId, NotificationType type) {
        return !optedOut(userId).contains(type.code());
    }

    /** Subscribes the user to exactly {@code wanted} (every other kind is off). */
    @Transactional
    public void setSubscribed(UUID userId, Collection<NotificationType> wanted) {
        for (NotificationType type : NotificationType.values()) {
            jdbc.sql("""
                            INSERT INTO notification_subscriptions (tenant_id, user_id, type, active)
                            VALUES (:tenant, :user, :type, :active)
                            ON CONFLICT (tenant_id, user_id, type) DO UPDATE
                            SET active = EXCLUDED.active, updated_at = EXCLUDED.updated_at""")
                    .param("tenant", TenantContext.tenantId()).param("user", userId).param("type", type.code())
                    .param("active", wanted.contains(type)).update();
        }
    }

    private Set<String> optedOut(UUID userId) {
        return jdbc.sql("SELECT type FROM notification_subscriptions WHERE user_id = :user AND NOT active")
                .param("user", userId).query(String.class).stream().collect(Collectors.toSet());
    }
}
