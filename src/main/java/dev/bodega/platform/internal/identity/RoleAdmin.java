package dev.bodega.platform.internal.identity;

import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Versions;
import dev.bodega.platform.Actor;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Permissions;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/** Roles of the current tenant: named sets of permission patterns (seed 001). */
@Service
class RoleAdmin {

    record RoleView(UUID id, String name, String description, List<String> permissions, boolean system,
                    long userCount, Instant createdAt, Instant updatedAt, long version) {
    }

    /** A role as sent by the API or the roles page; bundle keys as messages. */
    record RoleInput(
            @NotBlank(message = "{roles.name.required}") @Size(max = 50, message = "{field.too-long}")
            @Pattern(regexp = "^[a-z][a-z0-9_-]*$", message = "{roles.name.invalid}")
            String name,
            @Size(max = 255, message = "{field.too-long}")
            String description,
            List<@Size(max = 100, message = "{field.too-long}") String> permissions) {
    }

    private static final String SELECT = """
            SELECT r.id, r.name, r.description, r.permissions, r.system, r.created_at, r.updated_at, r.version,
                   (SELECT count(*) FROM user_roles ur
                      JOIN users u ON u.tenant_id = ur.tenant_id AND u.id = ur.user_id
                     WHERE ur.tenant_id = r.tenant_id AND ur.role_id = r.id AND u.deleted_at IS NULL) AS user_count
            FROM roles r
            """;

    private final JdbcClient jdbc;
    private final Users users;
    private final AuthChanges authChanges;

    RoleAdmin(JdbcClient jdbc, Users users, AuthChanges authChanges) {
        this.authChanges = authChanges;
        this.jdbc = jdbc;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public CursorPage<RoleView> list(UUID before, int limit) {
        List<RoleView> rows = jdbc.sql(SELECT + """
                        WHERE CAST(:before AS uuid) IS NULL OR r.id < :before
                        ORDER BY r.id DESC LIMIT :limit""")
                .param("before", before).param("limit", limit + 1)
                .query(RoleAdmin::row).list();
        return CursorPage.of(rows, limit, RoleView::id);
    }

    /** Every role by name, for pickers (a tenant has a handful). */
    @Transactional(readOnly = true)
    public List<RoleView> all() {
        return jdbc.sql(SELECT + " ORDER BY r.name").query(RoleAdmin::row).list();
    }

    @Transactional(readOnly = true)
    public RoleView get(UUID id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id)
                .query(RoleAdmin::row).optional()
                .orElseThrow(() -> new NotFoundException("Role"));
    }

    @Transactional
    public RoleView create(RoleInput input) {
        List<String> permissions = checkedPermissions(input.permissions());
        UUID id = Ids.next();
        try {
            jdbc.sql("""
                            INSERT INTO roles (tenant_id, id, name, description, permissions)
                            VALUES (:tenant, :id, :name, :description, :permissions)""")
                    .param("tenant", TenantContext.tenantId()).param("id", id).param("name", input.name())
                    .param("description", blankToNull(input.description()))
                    .param("permissions", permissions.toArray(String[]::new))
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(input.name());
        }
        return get(id);
    }

    @Transactional
    public RoleView update(UUID id, Long expectedVersion, RoleInput input) {
        authChanges.madeHere();
        RoleView current = get(id);
        Versions.check(expectedVersion, current.version());
        Grants.requireCovers(Actor.require(), current.permissions());
        List<String> permissions = checkedPermissions(input.permissions());
        if (current.system() && !current.name().equals(input.name())) {
            throw Problems.of(PlatformProblem.SYSTEM_ROLE, "A built-in role keeps its name");
        }
        int updated;
        try {
            updated = jdbc.sql("""
                            UPDATE roles SET name = :name, description = :description, permissions = :permissions,
                                   version = version + 1, updated_at = now()
                            WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                    .param("tenant", TenantContext.tenantId())
                    .param("name", input.name()).param("description", blankToNull(input.description()))
                    .param("permissions", permissions.toArray(String[]::new))
                    .param("id", id).param("version", current.version())
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(input.name());
        }
        if (updated == 0) {
            throw Problems.staleVersion();
        }
        requireAnAdmin();
        return get(id);
    }

    /** Locks the role first, so no one is granted it between the check and the delete. */
    @Transactional
    public void delete(UUID id) {
        authChanges.madeHere();
        jdbc.sql("SELECT id FROM roles WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .param("tenant", TenantContext.tenantId()).param("id", id).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("Role"));
        RoleView role = get(id);
        Grants.requireCovers(Actor.require(), role.permissions());
        if (role.system()) {
            throw Problems.of(PlatformProblem.SYSTEM_ROLE, "Built-in roles cannot be deleted");
        }
        if (role.userCount() > 0) {
            throw Problems.of(PlatformProblem.ROLE_IN_USE,
                    "The role is held by " + role.userCount() + " user(s); take it away from them first");
        }
        jdbc.sql("DELETE FROM roles WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", TenantContext.tenantId()).param("id", id).update();
    }

    /** The tenant must keep someone who can administer it. */
    void requireAnAdmin() {
        if (users.admins().isEmpty()) {
            throw Problems.of(PlatformProblem.LAST_ADMIN, "The company would be left without an active administrator");
        }
    }

    /** Trimmed, without blanks or repeats; each a valid pattern the caller may grant. */
    private static List<String> checkedPermissions(List<String> requested) {
        LinkedHashSet<String> permissions = new LinkedHashSet<>();
        for (String permission : requested == null ? List.<String>of() : requested) {
            if (permission != null && !permission.isBlank()) {
                permissions.add(permission.trim());
            }
        }
        for (String permission : permissions) {
            if (!Permissions.isValidPattern(permission)) {
                throw Problems.of(PlatformProblem.INVALID_PERMISSION, "'" + permission + "' is not a permission pattern");
            }
        }
        Grants.requireCovers(Actor.require(), permissions);
        return List.copyOf(permissions);
    }

    private static RuntimeException nameTaken(String name) {
        return Problems.of(PlatformProblem.ROLE_NAME_TAKEN, "A role named '" + name + "' already exists");
    }

    private static RoleView row(ResultSet rs, int n) throws SQLException {
        return new RoleView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                List.of((String[]) rs.getArray("permissions").getArray()), rs.getBoolean("system"),
                rs.getLong("user_count"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
