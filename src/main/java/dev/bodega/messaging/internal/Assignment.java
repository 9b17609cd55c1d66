package dev.bodega.messaging.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Automatic assignment: round robin among available agents (inbox_agents) who hold fewer open conversations than
 * their capacity; the one assigned longest ago comes first. The company's agent rows are locked while choosing, so
 * two conversations arriving together never push an agent past capacity.
 */
@Component
public class Assignment {

    private final JdbcClient jdbc;
    private final LiveEvents live;

    Assignment(JdbcClient jdbc, LiveEvents live) {
        this.jdbc = jdbc;
        this.live = live;
    }

    /** Assigns an unassigned conversation to the next agent; empty when none is free. */
    public Optional<UUID> assignNext(UUID tenantId, UUID conversationId) {
        jdbc.sql("SELECT user_id FROM inbox_agents WHERE tenant_id = :tenant ORDER BY user_id FOR UPDATE")
                .param("tenant", tenantId).query(UUID.class).list();
        Optional<UUID> agent = jdbc.sql("""
                        SELECT a.user_id FROM inbox_agents a
                        JOIN platform_users u ON u.tenant_id = a.tenant_id AND u.id = a.user_id
                        WHERE a.tenant_id = :tenant AND a.available AND u.active AND u.deleted_at IS NULL
                          AND (SELECT count(*) FROM conversations c
                               WHERE c.tenant_id = :tenant AND c.assigned_to = a.user_id
                                 AND c.status IN ('active', 'pending')) < a.capacity
                        ORDER BY a.last_assigned_at NULLS FIRST, a.user_id LIMIT 1""")
                .param("tenant", tenantId).query(UUID.class).optional();
        agent.ifPresent(user -> {
            int assigned = jdbc.sql("""
                            UPDATE conversations SET assigned_to = :user, updated_at = now(), version = version + 1
                            WHERE tenant_id = :tenant AND id = :id AND assigned_to IS NULL""")
                    .param("user", user).param("tenant", tenantId).param("id", conversationId).update();
            if (assigned == 1) {
                jdbc.sql("UPDATE inbox_agents SET last_assigned_at = clock_timestamp() WHERE tenant_id = :tenant AND user_id = :user")
                        .param("tenant", tenantId).param("user", user).update();
                live.publish(new LiveEvent(tenantId, "conversation", conversationId, null, "assigned"));
            }
        });
        return agent;
    }
}
