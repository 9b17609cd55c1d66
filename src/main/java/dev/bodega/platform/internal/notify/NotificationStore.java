package dev.bodega.platform.internal.notify;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotificationType;
import dev.bodega.platform.Notifications;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Notifications table: sending, listing a user's own, unread count, mark as read. */
@Service
class NotificationStore implements Notifications {

    record Row(UUID id, String title, String message, String type, String priority, String link, Instant readAt,
               Instant createdAt) {
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
    @Transactional
    public void send(Notice notice) {
        jdbc.sql("""
                        INSERT INTO notifications (tenant_id, id, user_id, title, message, type, priority, link)
                        VALUES (:tenant, :id, :user, :title, :message, :type, :priority, :link)""")
                .param("tenant", TenantContext.tenantId()).param("id", Ids.next()).param("user", notice.userId())
                .param("title", notice.title()).param("message", notice.message() == null ? "" : notice.message())
                .param("type", notice.type()).param("priority", notice.priority()).param("link", notice.link())
                .update();
    }

    @Transactional(readOnly = true)
    public CursorPage<Row> list(UUID userId, boolean unreadOnly, UUID before, int limit) {
        List<Row> rows = jdbc.sql("""
                        SELECT id, title, message, type, priority, link, read_at, created_at FROM notifications
                        WHERE user_id = :user AND (NOT :unread OR read_at IS NULL)
                          AND (CAST(:before AS uuid) IS NULL OR id < :before)
                        ORDER BY id DESC LIMIT :limit""")
                .param("user", userId).param("unread", unreadOnly).param("before", before).param("limit", limit + 1)
                .query(Row.class).list();
        return CursorPage.of(rows, limit, Row::id);
    }

    @Transactional(readOnly = true)
    public int unreadCount(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :user AND read_at IS NULL")
                .param("user", userId).query(Integer.class).single();
    }

    /** Marks one of the user's notifications read; false if it is not theirs (or not in this tenant). */
    @Transactional
    public boolean markRead(UUID userId, UUID id) {
        return jdbc.sql("""
                        UPDATE notifications SET read_at = coalesce(read_at, now())
                        WHERE user_id = :user AND id = :id""")
                .param("user", userId).param("id", id).update() == 1;
    }

    @Transactional
    public int markAllRead(UUID userId) {
        return jdbc.sql("UPDATE notifications SET read_at = now() WHERE user_id = :user AND read_at IS NULL")
                .param("user", userId).update();
    }
}
