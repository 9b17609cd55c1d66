package dev.bodega.inventory.internal.requests;

import dev.bodega.inventory.internal.StockOpsMessages;
import dev.bodega.platform.NotificationType;
import dev.bodega.platform.Notifications;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Seed 003's request notices, in the company's language and in the transaction of what they report: a new
 * request to the origin's users, a dispatch to the destination's, a received difference to the requester; each to those subscribed to its kind.
 */
@Component
class RequestNotices {

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final StockOpsMessages messages;

    RequestNotices(JdbcClient jdbc, Notifications notifications, StockOpsMessages messages) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.messages = messages;
    }

    void created(RequestFlow.Header header) {
        send(NotificationType.REQUEST_CREATED, usersAt(header.originId()), header, "requests.notice.created", "info");
    }

    void dispatched(RequestFlow.Header header) {
        send(NotificationType.REQUEST_DISPATCHED, usersAt(header.destinationId()), header, "requests.notice.dispatched",
                "info");
    }

    void discrepancy(RequestFlow.Header header) {
        send(NotificationType.REQUEST_DISCREPANCY, List.of(header.requestedBy()), header, "requests.notice.discrepancy",
                "warning");
    }

    private void send(NotificationType kind, List<UUID> users, RequestFlow.Header header, String key, String type) {
        Locale locale = messages.companyLocale();
        String reference = RequestFlow.reference(header);
        String title = messages.text(locale, key, reference);
        String message = messages.text(locale, key + ".message", reference, locationName(header.originId()),
                locationName(header.destinationId()));
        for (UUID user : users) {
            notifications.send(kind, new Notifications.Notice(user, title, message, type, "normal",
                    "/inventory/requests/" + header.id()));
        }
    }

    /** The active users assigned to the location, but not the one acting. */
    private List<UUID> usersAt(UUID location) {
        return jdbc.sql("""
                        SELECT ul.user_id FROM user_locations ul
                        JOIN platform_users u ON u.tenant_id = ul.tenant_id AND u.id = ul.user_id
                        WHERE ul.location_id = :location AND u.active AND u.deleted_at IS NULL
                          AND ul.user_id IS DISTINCT FROM CAST(:me AS uuid)
                        ORDER BY ul.user_id""")
                .param("location", location).param("me", TenantContext.userId().orElse(null))
                .query(UUID.class).list();
    }

    private String locationName(UUID location) {
        return jdbc.sql("SELECT name FROM locations WHERE id = :id").param("id", location).query(String.class).single();
    }
}
