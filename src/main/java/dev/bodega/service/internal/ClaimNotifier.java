package dev.bodega.service.internal;

import dev.bodega.platform.NotificationType;
import dev.bodega.platform.Notifications;
import dev.bodega.platform.Permissions;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.service.internal.ClaimViews.ClaimView;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * "Warranty pending" (seed 003 admin_notifications): a claim sent for review tells every active user who may
 * resolve it, except the one who sent it and those who opted out of the kind, in the sending transaction. Stored as text, so in the company's language.
 */
@Component
class ClaimNotifier {

    static final String RESOLVE = "guarantees.resolve";

    private record Holder(UUID userId, Set<String> permissions) {
    }

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final MessageSource messages;
    private final TenantSettingsService settings;

    ClaimNotifier(JdbcClient jdbc, Notifications notifications, MessageSource messages, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.messages = messages;
        this.settings = settings;
    }

    void pending(ClaimView claim) {
        Locale locale = Locale.forLanguageTag(settings.current().locale());
        String title = messages.getMessage("service.notice.claimPending.title", new Object[]{claim.sku()}, locale);
        String message = messages.getMessage("service.notice.claimPending.message", new Object[]{
                claim.quantity().stripTrailingZeros().toPlainString(), claim.itemName(), claim.locationName(),
                claim.failureReason()}, locale);
        String link = "/service/claims/" + claim.id();
        UUID sender = TenantContext.userId().orElse(null);
        resolvers().stream().filter(user -> !Objects.equals(user, sender)).forEach(user -> notifications.send(
                NotificationType.WARRANTY_PENDING, new Notifications.Notice(user, title, message, "warning", "high", link)));
    }

    private List<UUID> resolvers() {
        return jdbc.sql("""
                        SELECT u.id AS user_id, coalesce(array_agg(DISTINCT p) FILTER (WHERE p IS NOT NULL), '{}') AS permissions
                        FROM platform_users u
                        LEFT JOIN platform_user_permissions r ON r.tenant_id = u.tenant_id AND r.user_id = u.id
                        LEFT JOIN LATERAL unnest(r.permissions) AS p ON true
                        WHERE u.active AND u.deleted_at IS NULL
                        GROUP BY u.id ORDER BY u.id""")
                .query((rs, n) -> new Holder(rs.getObject("user_id", UUID.class),
                        Set.of((String[]) rs.getArray("permissions").getArray())))
                .list().stream().filter(h -> Permissions.allows(h.permissions(), RESOLVE)).map(Holder::userId).toList();
    }
}
