package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Users of the current tenant (row-level security supplies the tenant). */
@Repository
class Users {

    record Credentials(UUID id, String passwordHash, boolean active, int failedAttempts, Instant lockedUntil,
                       boolean passwordChangeRequired, boolean approved, String rejectionReason) {
    }

    record Standing(String name, String email, boolean userActive, String tenantStatus, String[] permissions,
                    UUID organizationId) {
        Set<String> permissionSet() {
            return new TreeSet<>(Set.of(permissions));
        }
    }

    private final JdbcClient jdbc;
    private final AuthChanges authChanges;

    Users(JdbcClient jdbc, AuthChanges authChanges) {
        this.jdbc = jdbc;
        this.authChanges = authChanges;
    }

    UUID insert(UUID tenantId, String email, String name, String phone, String passwordHash, boolean mustChangePassword) {
        UUID id = Ids.next();
        jdbc.sql("""
                        INSERT INTO users (tenant_id, id, email, name, phone, password_hash, password_change_required)
                        VALUES (:tenant, :id, :email, :name, :phone, :hash, :mustChange)""")
                .param("tenant", tenantId).param("id", id).param("email", email.toLowerCase())
                .param("name", name).param("phone", phone).param("hash", passwordHash)
                .param("mustChange", mustChangePassword)
                .update();
        return id;
    }

    /** A person who asked to join by the company's link: they sign in once an admin approves them. */
    UUID insertPending(UUID tenantId, String email, String name, String passwordHash) {
        UUID id = Ids.next();
        jdbc.sql("""
                        INSERT INTO users (tenant_id, id, email, name, password_hash, approved)
                        VALUES (:tenant, :id, :email, :name, :hash, false)""")
                .param("tenant", tenantId).param("id", id).param("email", email.toLowerCase())
                .param("name", name).param("hash", passwordHash)
                .update();
        return id;
    }

    /** Invited by email: they sign in once they accept (seed 004 pending_invitation). */
    UUID insertInvited(UUID tenantId, String email, String name, String unusablePasswordHash, UUID invitedBy) {
        UUID id = Ids.next();
        jdbc.sql("""
                        INSERT INTO users (tenant_id, id, email, name, password_hash, pending_invitation, invited_by)
                        VALUES (:tenant, :id, :email, :name, :hash, true, :by)""")
                .param("tenant", tenantId).param("id", id).param("email", email)
                .param("name", name).param("hash", unusablePasswordHash).param("by", invitedBy)
                .update();
        return id;
    }

    void grantRole(UUID tenantId, UUID userId, UUID roleId) {
        authChanges.madeHere();
        jdbc.sql("INSERT INTO user_roles (tenant_id, user_id, role_id) VALUES (:tenant, :user, :role) ON CONFLICT DO NOTHING")
                .param("tenant", tenantId).param("user", userId).param("role", roleId)
                .update();
    }

    /** The current tenant's active user with this email. */
    Optional<UUID> activeId(String email) {
        return jdbc.sql("SELECT id FROM users WHERE email = :email AND active AND deleted_at IS NULL")
                .param("email", email.toLowerCase()).query(UUID.class).optional();
    }

    /** Locks the row: concurrent wrong passwords must each count. */
    Optional<Credentials> credentialsForUpdate(String email) {
        return jdbc.sql("""
                        SELECT id, password_hash, active, failed_attempts, locked_until, password_change_required,
                               approved, rejection_reason FROM users
                        WHERE tenant_id = :tenant AND email = :email AND deleted_at IS NULL FOR UPDATE""")
                .param("tenant", TenantContext.tenantId())
                .param("email", email.toLowerCase())
                .query(Credentials.class)
                .optional();
    }

    void recordFailure(UUID userId, int failedAttempts, Instant lockedUntil) {
        jdbc.sql("""
                        UPDATE users SET failed_attempts = :failed, locked_until = :locked
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("failed", failedAttempts).param("locked", lockedUntil == null ? null : java.sql.Timestamp.from(lockedUntil))
                .param("id", userId)
                .update();
    }

    void recordSuccess(UUID userId, Instant at) {
        jdbc.sql("""
                        UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = :at
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("at", java.sql.Timestamp.from(at)).param("id", userId)
                .update();
    }

    /** Makes the user one of a partner organization's people (the partner wall follows, V119). */
    void joinOrganization(UUID userId, UUID organizationId) {
        authChanges.madeHere();
        jdbc.sql("""
                        UPDATE users SET organization_id = :organization, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("organization", organizationId).param("id", userId).update();
    }

    /** The user's state and permissions now, for every request. */
    Optional<Standing> standing(UUID tenantId, UUID userId) {
        return jdbc.sql("""
                        SELECT u.name, u.email, u.active AND u.approved AND NOT u.pending_invitation AND u.deleted_at IS NULL AS user_active, t.status AS tenant_status,
                               coalesce(array_agg(DISTINCT p) FILTER (WHERE p IS NOT NULL), '{}') AS permissions,
                               u.organization_id
                        FROM users u
                        JOIN tenants t ON t.id = u.tenant_id
                        LEFT JOIN user_roles ur ON ur.tenant_id = u.tenant_id AND ur.user_id = u.id
                        LEFT JOIN roles r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id
                        LEFT JOIN LATERAL unnest(r.permissions) p ON true
                        WHERE u.tenant_id = :tenant AND u.id = :id
                        GROUP BY u.name, u.email, u.active, u.approved, u.pending_invitation, u.deleted_at, t.status,
                                 u.organization_id""")
                .param("tenant", tenantId).param("id", userId)
                .query((rs, n) -> new Standing(rs.getString("name"), rs.getString("email"),
                        rs.getBoolean("user_active"), rs.getString("tenant_status"),
                        (String[]) rs.getArray("permissions").getArray(), rs.getObject("organization_id", UUID.class)))
                .optional();
    }

    /** Admins of the current tenant: whoever holds a role granting everything. */
    java.util.List<UUID> admins() {
        return jdbc.sql("""
                        SELECT DISTINCT u.id FROM users u
                        JOIN user_roles ur ON ur.tenant_id = u.tenant_id AND ur.user_id = u.id
                        JOIN roles r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id
                        WHERE '*' = ANY (r.permissions) AND u.active AND u.approved AND u.deleted_at IS NULL""")
                .query(UUID.class)
                .list();
    }
}
