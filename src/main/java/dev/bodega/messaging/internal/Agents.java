package dev.bodega.messaging.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** The agents taking part in automatic assignment: available or not, and how many open conversations each takes. */
@Component
public class Agents {

    public record AgentState(UUID userId, String name, boolean available, int capacity, long open) {
    }

    private final JdbcClient jdbc;

    Agents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AgentState> list() {
        return jdbc.sql("""
                        SELECT a.user_id, u.name, a.available, a.capacity,
                               (SELECT count(*) FROM conversations c WHERE c.tenant_id = a.tenant_id
                                  AND c.assigned_to = a.user_id AND c.status IN ('active', 'pending')) AS open
                        FROM inbox_agents a JOIN platform_users u ON u.tenant_id = a.tenant_id AND u.id = a.user_id
                        ORDER BY lower(u.name), a.user_id""")
                .query(AgentState.class).list();
    }

    /** Puts a user in (or updates them in) the round robin. */
    public void save(UUID tenantId, UUID userId, boolean available, int capacity) {
        jdbc.sql("""
                        INSERT INTO inbox_agents (tenant_id, user_id, available, capacity)
                        VALUES (:tenant, :user, :available, :capacity)
                        ON CONFLICT (tenant_id, user_id) DO UPDATE SET available = EXCLUDED.available,
                            capacity = EXCLUDED.capacity, updated_at = EXCLUDED.updated_at""")
                .param("tenant", tenantId).param("user", userId).param("available", available)
                .param("capacity", Math.max(1, Math.min(capacity, 500))).update();
    }
}
