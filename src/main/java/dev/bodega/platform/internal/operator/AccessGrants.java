package dev.bodega.platform.internal.operator;

import dev.bodega.platform.Actor;
import dev.bodega.platform.Ids;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A company admin's grants of read-only access to the operators (for N hours, revocable), and the record of every
 * request an operator makes under one. Both tables carry the audit trigger, so every grant, revocation and use is in
 * the company's audit log. Runs in the company's tenant context.
 */
@Service
class AccessGrants {

    static final int MAX_HOURS = 72;

    record Grant(UUID id, String grantedByName, String reason, Instant createdAt, Instant expiresAt, Instant revokedAt,
                 long uses) {
        boolean open(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    private final JdbcClient jdbc;

    AccessGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    UUID grant(int hours, String reason) {
        if (hours < 1 || hours > MAX_HOURS) {
            throw Problems.of(PlatformProblem.VALIDATION, "hours: between 1 and " + MAX_HOURS);
        }
        UUID id = Ids.next();
        jdbc.sql("""
                        INSERT INTO operator_access_grants (tenant_id, id, granted_by, reason, expires_at)
                        VALUES (:tenant, :id, :user, :reason, now() + make_interval(hours => :hours))""")
                .param("tenant", TenantContext.tenantId()).param("id", id)
                .param("user", Actor.require().userId()).param("reason", reason).param("hours", hours)
                .update();
        return id;
    }

    /** Ends every open grant now. */
    @Transactional
    int revokeAll() {
        return jdbc.sql("""
                        UPDATE operator_access_grants SET revoked_at = now(), revoked_by = :user, updated_at = now()
                        WHERE tenant_id = :tenant AND revoked_at IS NULL AND expires_at > now()""")
                .param("tenant", TenantContext.tenantId()).param("user", Actor.require().userId()).update();
    }

    @Transactional(readOnly = true)
    List<Grant> list() {
        return jdbc.sql("""
                        SELECT g.id, u.name AS granted_by_name, g.reason, g.created_at, g.expires_at, g.revoked_at,
                               (SELECT count(*) FROM operator_access_uses x
                                WHERE x.tenant_id = g.tenant_id AND x.grant_id = g.id) AS uses
                        FROM operator_access_grants g
                        JOIN users u ON u.tenant_id = g.tenant_id AND u.id = g.granted_by
                        WHERE g.tenant_id = :tenant
                        ORDER BY g.created_at DESC LIMIT 50""")
                .param("tenant", TenantContext.tenantId()).query(Grant.class).list();
    }

    /** The company's grant open now, if any (the one that lasts longest). */
    @Transactional(readOnly = true)
    Optional<UUID> openGrant() {
        return jdbc.sql("""
                        SELECT id FROM operator_access_grants
                        WHERE tenant_id = :tenant AND revoked_at IS NULL AND expires_at > now()
                        ORDER BY expires_at DESC LIMIT 1""")
                .param("tenant", TenantContext.tenantId()).query(UUID.class).optional();
    }

    /** Records one request under the grant if the grant is still open; false when it is not (expired, revoked). */
    @Transactional
    boolean use(UUID grantId, UUID operatorId, String operatorEmail, String method, String path) {
        return jdbc.sql("""
                        INSERT INTO operator_access_uses (tenant_id, id, grant_id, operator_id, operator_email, method, path)
                        SELECT g.tenant_id, :id, g.id, :operator, :email, :method, :path
                        FROM operator_access_grants g
                        WHERE g.tenant_id = :tenant AND g.id = :grant AND g.revoked_at IS NULL AND g.expires_at > now()""")
                .param("tenant", TenantContext.tenantId()).param("id", Ids.next()).param("grant", grantId)
                .param("operator", operatorId).param("email", operatorEmail).param("method", method)
                .param("path", path.length() > 2000 ? path.substring(0, 2000) : path)
                .update() == 1;
    }
}
