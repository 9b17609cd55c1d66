package dev.bodega.platform.internal.notify;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotificationType;
import dev.bodega.platform.Notifications;
import dev.bodega.platform.Permissions;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Notifications table: sending, listing a user's own, unread count, mark as read. */
@Service
class NotificationStore implements Notifications {

    record Row(UUID id, String title, String message, String type, String priority, String link, Instant readAt,
               Instant createdAt, String titleKey, String messageKey, String[] args) {
    }

    private final JdbcClient jdbc;
    private final NotificationSubscriptions subscriptions;

    NotificationStore(JdbcClient jdbc, NotificationSubscriptions subscriptions) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
    }

    @Override
    @Transactional
    public boolean send(NotificationType kind, Notice notice) {
        if (!subscriptions.receives(notice.userId(), kind)) {
            return false;
        }
        send(notice);
        return true;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> holdersOf(String permission) {
        return jdbc.sql("""
                        SELECT u.id, coalesce(array_agg(DISTINCT p) FILTER (WHERE p IS NOT NULL), '{}') AS permissions
                        FROM platform_users u
                        LEFT JOIN platform_user_permissions r ON r.tenant_id = u.tenant_id AND r.user_id = u.id
                        LEFT JOIN LATERAL unnest(r.permissions) AS p ON true
                        WHERE u.active AND u.deleted_at IS NULL
                        GROUP BY u.id ORDER BY u.id""")
                .query((rs, n) -> Permissions.allows(List.of((String[]) rs.getArray("permissions").getArray()),
                        permission) ? rs.getObject("id", UUID.class) : null)
                .list().stream().filter(Objects::nonNull).toList();
    }

    @Override
    @Transactional
    public void send(Notice notice) {
        jdbc.sql("""
                        INSERT INTO notifications (tenant_id, id, user_id, title, message, type, priority, link,
                                                   title_key, message_key, args)
                        VALUES (:tenant, :id, :user, :title, :message, :type, :priority, :link,
                                :titleKey, :messageKey, :args)""")
                .param("tenant", TenantContext.tenantId()).param("id", Ids.next()).param("user", notice.userId())
                .param("title", notice.title()).param("message", notice.message() == null ? "" : notice.message())
                .param("type", notice.type()).param("priority", notice.priority()).param("link", notice.link())
                .param("titleKey", notice.titleKey()).param("messageKey", notice.messageKey())
                .param("args", notice.args().toArray(String[]::new))
                .update();
    }

    @Transactional(readOnly = true)
    public CursorPage<Row> list(UUID userId, boolean unreadOnly, UUID before, int limit) {
        List<Row> rows = jdbc.sql("""
                        SELECT id, title, message, type, priority, link, read_at, created_at, title_key, message_key, args
                        FROM notifications
                        WHERE tenant_id = :tenant AND user_id = :user AND (NOT :unread OR read_at IS NULL)
                          AND (CAST(:before AS uuid) IS NULL OR id < :before)
                        ORDER BY id DESC LIMIT :limit""")
                .param("tenant", TenantContext.tenantId()).param("user", userId).param("unread", unreadOnly)
                .param("before", before).param("limit", limit + 1)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getString("message"), rs.getString("type"), rs.getString("priority"), rs.getString("link"),
                        instant(rs.getTimestamp("read_at")), instant(rs.getTimestamp("created_at")),
                        rs.getString("title_key"), rs.getString("message_key"), (String[]) rs.getArray("args").getArray()))
                .list();
        return CursorPage.of(rows, limit, Row::id);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Transactional(readOnly = true)
    public int unreadCount(UUID userId) {
        return jdbc.sql("""
                        SELECT count(*) FROM notifications
                        WHERE tenant_id = :tenant AND user_id = :user AND read_at IS NULL""")
                .param("tenant", TenantContext.tenantId()).param("user", userId).query(Integer.class).single();
    }

    /** Marks one of the user's notifications read; false if it is not theirs (or not in this tenant). */
    @Transactional
    public boolean markRead(UUID userId, UUID id) {
        return jdbc.sql("""
                        UPDATE notifications SET read_at = coalesce(read_at, now())
                        WHERE tenant_id = :tenant AND user_id = :user AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("user", userId).param("id", id).update() == 1;
    }

    @Transactional
    public int markAllRead(UUID userId) {
        return jdbc.sql("""
                        UPDATE notifications SET read_at = now()
                        WHERE tenant_id = :tenant AND user_id = :user AND read_at IS NULL""")
                .param("tenant", TenantContext.tenantId())
                .param("user", userId).update();
    }
}
