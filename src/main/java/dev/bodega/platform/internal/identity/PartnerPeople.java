package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Actor;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The people of a partner organization (seed 004): they hold partner roles only, and an organization with people
 * always keeps an active admin. Partner users do not take the company's seats (like an ERP's portal users).
 */
@Component
class PartnerPeople {

    record Person(UUID id, String name, String email, boolean active, boolean pendingInvitation, boolean admin,
                  Instant lastLoginAt, long version) {
    }

    private static final String ADMIN_PERMISSIONS = "ARRAY['*', 'portal.*', 'portal.users']::text[]";

    private final JdbcClient jdbc;

    PartnerPeople(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization a new user joins: a partner admin's own, whatever was asked; staff choose (or none). */
    UUID organizationFor(Actor actor, UUID requested) {
        UUID organization = actor.partner() ? actor.organizationId() : requested;
        if (organization != null && jdbc.sql("SELECT count(*) FROM partner_organizations WHERE id = :id AND active")
                .param("id", organization).query(Long.class).single() == 0) {
            throw Problems.of(PlatformProblem.UNKNOWN_ORGANIZATION, "No active partner organization " + organization);
        }
        return organization;
    }

    /** A partner user holds partner roles only; a staff user none of them. */
    void requireRolesFit(UUID organization, Set<String> permissions) {
        boolean partnerRoles = DefaultRoles.forPartners(permissions);
        boolean anyPortal = permissions.stream().anyMatch(p -> p.startsWith("portal."));
        if (organization != null ? !partnerRoles : anyPortal) {
            throw Problems.of(PlatformProblem.PARTNER_ROLES, "Partner users hold partner roles only, staff none");
        }
    }

    /**
     * After a change to the organization's people, it must still have an active admin (if it has people at all).
     * The organization's row is locked first, so two admins removing each other cannot both succeed.
     */
    void requireAdmin(UUID organization) {
        jdbc.sql("SELECT id FROM partner_organizations WHERE tenant_id = :tenant AND id = :id FOR NO KEY UPDATE")
                .param("tenant", TenantContext.tenantId())
                .param("id", organization).query(UUID.class).optional();
        long people = jdbc.sql("""
                        SELECT count(*) FROM users
                        WHERE organization_id = :org AND active AND deleted_at IS NULL""")
                .param("org", organization).query(Long.class).single();
        long admins = jdbc.sql("""
                        SELECT count(DISTINCT u.id) FROM users u
                        JOIN user_roles ur ON ur.tenant_id = u.tenant_id AND ur.user_id = u.id
                        JOIN roles r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id
                        WHERE u.organization_id = :org AND u.active AND u.deleted_at IS NULL
                          AND r.permissions && %s""".formatted(ADMIN_PERMISSIONS))
                .param("org", organization).query(Long.class).single();
        if (people > 0 && admins == 0) {
            throw Problems.of(PlatformProblem.PARTNER_NEEDS_ADMIN, "The organization must keep an active admin");
        }
    }

    @Transactional(readOnly = true)
    public String organizationName(UUID organization) {
        return jdbc.sql("SELECT name FROM partner_organizations WHERE id = :id").param("id", organization)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("Organization"));
    }

    @Transactional(readOnly = true)
    public List<Person> of(UUID organization) {
        return jdbc.sql("""
                        SELECT u.id, u.name, u.email, u.active, u.pending_invitation, u.last_login_at, u.version,
                               EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id
                                       WHERE ur.tenant_id = u.tenant_id AND ur.user_id = u.id
                                         AND r.permissions && %s) AS admin
                        FROM users u WHERE u.organization_id = :org AND u.deleted_at IS NULL
                        ORDER BY u.name, u.email""".formatted(ADMIN_PERMISSIONS))
                .param("org", organization)
                .query((rs, n) -> new Person(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("email"), rs.getBoolean("active"), rs.getBoolean("pending_invitation"),
                        rs.getBoolean("admin"), rs.getTimestamp("last_login_at") == null ? null
                        : rs.getTimestamp("last_login_at").toInstant(), rs.getLong("version")))
                .list();
    }

    /** Only the two partner roles are offered; anything else is refused. */
    @Transactional(readOnly = true)
    public UUID roleId(String role) {
        return jdbc.sql("SELECT id FROM roles WHERE name = :name AND name IN ('partner_admin', 'partner_user')")
                .param("name", role == null ? "" : role).query(UUID.class).optional()
                .orElseThrow(() -> Problems.of(PlatformProblem.UNKNOWN_ROLE, "Choose partner_admin or partner_user"));
    }

    /** The organization a user belongs to (null for staff). */
    UUID organizationOf(UUID userId) {
        return jdbc.sql("SELECT organization_id FROM users WHERE id = :id").param("id", userId)
                .query((rs, n) -> rs.getObject(1, UUID.class)).optional().orElse(null);
    }
}
