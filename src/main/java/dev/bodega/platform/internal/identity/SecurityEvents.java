package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** Records seed 004's security events, with the client's IP and user agent from the tenant context. */
@Component
public class SecurityEvents {

    public enum Type {
        LOGIN_SUCCESS, LOGIN_FAILURE, ACCOUNT_LOCKED, LOGOUT, PASSWORD_CHANGED, SESSION_ENDED,
        API_KEY_CREATED, API_KEY_USED, API_KEY_REVOKED, ACCESS_DENIED
    }

    public enum Risk { low, medium, high, critical }

    private final JdbcClient jdbc;

    SecurityEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(Type type, Risk risk, UUID userId, String details) {
        TenantContext.Scope scope = TenantContext.current().orElseThrow();
        jdbc.sql("""
                        INSERT INTO security_events (tenant_id, id, user_id, event_type, risk_level, ip_address, user_agent, details)
                        VALUES (:tenant, :id, :user, :type, :risk, CAST(:ip AS inet), :agent, :details)""")
                .param("tenant", scope.tenantId())
                .param("id", Ids.next())
                .param("user", userId)
                .param("type", type.name())
                .param("risk", risk.name())
                .param("ip", scope.clientIp())
                .param("agent", scope.userAgent())
                .param("details", details)
                .update();
    }
}
