package dev.bodega.platform.internal.identity;

import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Versions;
import dev.bodega.platform.Actor;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * Managing the users of the current tenant: invite, edit, roles, deactivate,
 * soft delete. Deactivating or deleting a user ends their sessions once the
 * change has committed.
 */
@Service
class UserAdmin {

    record RoleRef(UUID id, String name) {
    }

    /**
     * {@code approval}: approved, pending (asked to join, not answered yet) or rejected. {@code status} (seed 004
     * user_status): active, inactive, pending_invitation or locked. {@code pendingEmail}: a new address not yet
     * confirmed.
     */
    record UserView(UUID id, String name, String email, String phone, boolean active, boolean passwordChangeRequired,
                    Instant lastLoginAt, Instant createdAt, long version, List<RoleRef> roles, String approval,
                    String rejectionReason, String status, String pendingEmail) {
        List<UUID> roleIds() {
            return roles.stream().map(RoleRef::id).toList();
        }
    }

    record Filter(String q, Boolean active, UUID roleId) {
    }

    /** An invitation: the user signs in with the temporary password and must change it. */
    record NewUser(
            @NotBlank(message = "{users.name.required}") @Size(max = 200, message = "{field.too-long}") String name,
            @NotBlank(message = "{users.email.required}") @Email(message = "{field.email.invalid}")
            @Size(max = 254, message = "{field.too-long}") String email,
            @Size(max = 32, message = "{field.too-long}") String phone,
            List<UUID> roleIds,
            @NotBlank(message = "{field.password.required}")
            @Size(min = 8, max = 72, message = "{field.password.length}") String temporaryPassword) {
    }

    /** The editable fields; {@code active} null leaves the status as it is. */
    record Changes(
            @NotBlank(message = "{users.name.required}") @Size(max = 200, message = "{field.too-long}") String name,
            @NotBlank(message = "{users.email.required}") @Email(message = "{field.email.invalid}")
            @Size(max = 254, message = "{field.too-long}") String email,
            @Size(max = 32, message = "{field.too-long}") String phone,
            Boolean active) {
    }

    record RoleAssignment(@NotNull List<UUID> roleIds) {
    }

    private static final String SELECT = """
            SELECT u.id, u.name, u.email, u.phone, u.active, u.password_change_required, u.last_login_at,
                   u.created_at, u.version, u.approved, u.rejection_reason, u.pending_email,
                   CASE WHEN u.pending_invitation THEN 'pending_invitation' WHEN NOT u.active THEN 'inactive'
                        WHEN u.locked_until > now() THEN 'locked' ELSE 'active' END AS status,
                   coalesce(array_agg(r.id ORDER BY r.name) FILTER (WHERE r.id IS NOT NULL), '{}') AS role_ids,
                   coalesce(array_agg(r.name ORDER BY r.name) FILTER (WHERE r.id IS NOT NULL), '{}') AS role_names
            FROM users u
            LEFT JOIN user_roles ur ON ur.tenant_id = u.tenant_id AND ur.user_id = u.id
            LEFT JOIN roles r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id
            WHERE u.deleted_at IS NULL
            """;

    private final JdbcClient jdbc;
    private final Users users;
    private final RoleAdmin roles;
    private final UserSessions sessions;
    private final PasswordEncoder passwords;
    private final PartnerPeople partners;
    private final AuthChanges authChanges;

    UserAdmin(JdbcClient jdbc, Users users, RoleAdmin roles, UserSessions sessions, PasswordEncoder passwords,
              PartnerPeople partners, AuthChanges authChanges) {
        this.partners = partners;
        this.authChanges = authChanges;
        this.jdbc = jdbc;
        this.users = users;
        this.roles = roles;
        this.sessions = sessions;
        this.passwords = passwords;
    }

    @Transactional(readOnly = true)
    public CursorPage<UserView> list(Filter filter, UUID before, int limit) {
        String q = filter.q() == null || filter.q().isBlank() ? null : "%" + escapeLike(filter.q().trim()) + "%";
        List<UserView> rows = jdbc.sql(SELECT + """
                          AND (CAST(:q AS text) IS NULL OR u.name ILIKE :q OR u.email ILIKE :q)
                          AND (CAST(:active AS boolean) IS NULL OR u.active = :active)
                          AND (CAST(:role AS uuid) IS NULL OR EXISTS (SELECT 1 FROM user_roles x
                                WHERE x.tenant_id = u.tenant_id AND x.user_id = u.id AND x.role_id = :role))
                          AND (CAST(:before AS uuid) IS NULL OR u.id < :before)
                        GROUP BY u.tenant_id, u.id
                        ORDER BY u.id DESC LIMIT :limit""")
                .param("q", q).param("active", filter.active()).param("role", filter.roleId())
                .param("before", before).param("limit", limit + 1)
                .query(UserAdmin::row).list();
        return CursorPage.of(rows, limit, UserView::id);
    }

    /** People who asked to join and were not answered yet, oldest first. */
    @Transactional(readOnly = true)
    public List<UserView> awaitingApproval() {
        return jdbc.sql(SELECT + " AND NOT u.approved AND u.rejection_reason IS NULL GROUP BY u.tenant_id, u.id ORDER BY u.id")
                .query(UserAdmin::row).list();
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return jdbc.sql(SELECT + " AND u.id = :id GROUP BY u.tenant_id, u.id").param("id", id)
                .query(UserAdmin::row).optional()
                .orElseThrow(() -> new NotFoundException("User"));
    }

    @Transactional
    public UserView create(NewUser user) {
        Actor actor = Actor.require();
        Set<UUID> roleIds = distinct(user.roleIds());
        Set<String> granted = permissionsOf(roleIds);
        Grants.requireCovers(actor, granted);
        partners.requireRolesFit(null, granted);
        requireFreeSeat();
        UUID id;
        try {
            id = users.insert(TenantContext.tenantId(), normalizeEmail(user.email()), user.name().trim(),
                    blankToNull(user.phone()), passwords.encode(user.temporaryPassword()), true);
        } catch (DuplicateKeyException e) {
            throw emailTaken(user.email());
        }
        roleIds.forEach(role -> users.grantRole(TenantContext.tenantId(), id, role));
        return get(id);
    }

    @Transactional
    public UserView update(UUID id, Long expectedVersion, Changes changes) {
        authChanges.madeHere();
        UserView current = manageable(id, expectedVersion);
        boolean active = changes.active() == null ? current.active() : changes.active();
        checkStatusChange(current, active);
        int updated;
        try {
            updated = jdbc.sql("""
                            UPDATE users SET name = :name, email = :email, phone = :phone, active = :active,
                                   version = version + 1, updated_at = now()
                            WHERE tenant_id = :tenant AND id = :id AND version = :version AND deleted_at IS NULL""")
                    .param("tenant", TenantContext.tenantId())
                    .param("name", changes.name().trim()).param("email", normalizeEmail(changes.email()))
                    .param("phone", blankToNull(changes.phone())).param("active", active)
                    .param("id", id).param("version", current.version())
                    .update();
        } catch (DuplicateKeyException e) {
            throw emailTaken(changes.email());
        }
        requireUpdated(updated);
        keepAPartnerAdmin(id);
        if (current.active() && !active) {
            endSessionsAfterCommit(id, "user deactivated");
        }
        return get(id);
    }

    /** Deactivates or reactivates, keeping the other fields: the list page's button. */
    @Transactional
    public UserView setActive(UUID id, Long expectedVersion, boolean active) {
        UserView current = get(id);
        return update(id, expectedVersion, new Changes(current.name(), current.email(), current.phone(), active));
    }

    /** Replaces the user's roles; the user's version guards against overwriting someone else's change. */
    @Transactional
    public UserView setRoles(UUID id, Long expectedVersion, List<UUID> requested) {
        authChanges.madeHere();
        UserView current = manageable(id, expectedVersion);
        Set<UUID> wanted = distinct(requested);
        Set<UUID> added = new HashSet<>(wanted);
        added.removeAll(current.roleIds());
        Grants.requireCovers(Actor.require(), permissionsOf(added));
        requireUpdated(jdbc.sql("""
                        UPDATE users SET version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND version = :version AND deleted_at IS NULL""")
                .param("tenant", TenantContext.tenantId())
                .param("id", id).param("version", current.version()).update());
        for (UUID removed : current.roleIds()) {
            if (!wanted.contains(removed)) {
                jdbc.sql("DELETE FROM user_roles WHERE tenant_id = :tenant AND user_id = :user AND role_id = :role")
                        .param("tenant", TenantContext.tenantId())
                        .param("user", id).param("role", removed).update();
            }
        }
        added.forEach(role -> users.grantRole(TenantContext.tenantId(), id, role));
        partners.requireRolesFit(partners.organizationOf(id), permissionsOf(wanted));
        roles.requireAnAdmin();
        keepAPartnerAdmin(id);
        return get(id);
    }

    /** Soft delete: the row stays for history and foreign keys; the email becomes free again. */
    @Transactional
    public void delete(UUID id) {
        authChanges.madeHere();
        UserView current = get(id);
        if (current.id().equals(Actor.require().userId())) {
            throw selfChange();
        }
        requireNotMorePowerful(id);
        jdbc.sql("""
                        UPDATE users SET deleted_at = now(), active = false, version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND deleted_at IS NULL""")
                .param("tenant", TenantContext.tenantId())
                .param("id", id).update();
        keepAPartnerAdmin(id);
        endSessionsAfterCommit(id, "user deleted");
    }

    /** A partner organization with people keeps an active admin after any change to one of them. */
    private void keepAPartnerAdmin(UUID userId) {
        UUID organization = partners.organizationOf(userId);
        if (organization != null) {
            partners.requireAdmin(organization);
        }
    }

    /** Ends all of a user's sessions at an admin's request; returns how many ended. */
    @Transactional
    public int endSessions(UUID id) {
        get(id);
        requireNotMorePowerful(id);
        return sessions.endAll(TenantContext.tenantId(), id, null, "ended by an administrator");
    }

    @Transactional(readOnly = true)
    public List<UserSessions.SessionView> sessions(UUID id) {
        get(id);
        return sessions.list(TenantContext.tenantId(), id, null);
    }

    /** The user at the expected version (404 first, so a foreign id reveals nothing; then 428 or 409). */
    private UserView manageable(UUID id, Long expectedVersion) {
        UserView current = get(id);
        Actor actor = Actor.require();
        if (actor.partner() && !actor.organizationId().equals(partners.organizationOf(id))) {
            throw new NotFoundException("User");
        }
        Versions.check(expectedVersion, current.version());
        requireNotMorePowerful(id);
        return current;
    }

    /** Nobody manages a user who holds permissions they do not. */
    private void requireNotMorePowerful(UUID id) {
        Grants.requireCovers(Actor.require(), users.standing(TenantContext.tenantId(), id)
                .map(Users.Standing::permissionSet).orElse(Set.of()));
    }

    private void checkStatusChange(UserView current, boolean active) {
        if (current.active() && !active && current.id().equals(Actor.require().userId())) {
            throw selfChange();
        }
        if (!current.active() && active && partners.organizationOf(current.id()) == null) {
            requireFreeSeat();
        }
    }

    /**
     * Locks the tenant row (without blocking foreign-key checks) so two invitations cannot both take the last seat.
     * Seats are the staff's; partner users do not take one.
     */
    void requireFreeSeat() {
        int maxUsers = jdbc.sql("SELECT max_users FROM tenants WHERE id = :tenant FOR NO KEY UPDATE")
                .param("tenant", TenantContext.tenantId()).query(Integer.class).single();
        // A separate statement: it must see users committed while we waited for the lock.
        long activeUsers = jdbc.sql("""
                        SELECT count(*) FROM users
                        WHERE active AND approved AND deleted_at IS NULL AND organization_id IS NULL""")
                .query(Long.class).single();
        if (activeUsers >= maxUsers) {
            throw Problems.of(PlatformProblem.MAX_USERS, "The company's plan allows " + maxUsers + " active users");
        }
    }

    /** The permissions the given roles grant; 422 if any role is not one of this tenant's. */
    Set<String> permissionsOf(Set<UUID> roleIds) {
        if (roleIds.isEmpty()) {
            return Set.of();
        }
        List<String[]> found = jdbc.sql("SELECT permissions FROM roles WHERE id IN (:ids)")
                .param("ids", List.copyOf(roleIds))
                .query((rs, n) -> (String[]) rs.getArray("permissions").getArray()).list();
        if (found.size() != roleIds.size()) {
            throw Problems.of(PlatformProblem.UNKNOWN_ROLE, "One or more roles do not exist");
        }
        Set<String> permissions = new LinkedHashSet<>();
        found.forEach(p -> permissions.addAll(List.of(p)));
        return permissions;
    }

    /** Each ended session is recorded as a security event by {@link UserSessions}. */
    private void endSessionsAfterCommit(UUID userId, String reason) {
        UUID tenantId = TenantContext.tenantId();
        AfterCommit.run(() -> sessions.endAll(tenantId, userId, null, reason));
    }

    private static void requireUpdated(int rows) {
        if (rows == 0) {
            throw Problems.staleVersion();
        }
    }

    private static RuntimeException selfChange() {
        return Problems.of(PlatformProblem.SELF_CHANGE, "You cannot deactivate or delete yourself");
    }

    private static RuntimeException emailTaken(String email) {
        return Problems.of(PlatformProblem.EMAIL_TAKEN, "Another user already has the email " + normalizeEmail(email));
    }

    private static Set<UUID> distinct(List<UUID> ids) {
        Set<UUID> set = new LinkedHashSet<>();
        if (ids != null) {
            ids.stream().filter(Objects::nonNull).forEach(set::add);
        }
        return set;
    }

    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static UserView row(ResultSet rs, int n) throws SQLException {
        UUID[] roleIds = (UUID[]) rs.getArray("role_ids").getArray();
        String[] roleNames = (String[]) rs.getArray("role_names").getArray();
        List<RoleRef> roles = new ArrayList<>();
        for (int i = 0; i < roleIds.length; i++) {
            roles.add(new RoleRef(roleIds[i], roleNames[i]));
        }
        return new UserView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
                rs.getString("phone"), rs.getBoolean("active"), rs.getBoolean("password_change_required"),
                instant(rs.getTimestamp("last_login_at")), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"), List.copyOf(roles), approval(rs), rs.getString("rejection_reason"),
                rs.getString("status"), rs.getString("pending_email"));
    }

    private static String approval(ResultSet rs) throws SQLException {
        if (rs.getBoolean("approved")) {
            return "approved";
        }
        return rs.getString("rejection_reason") == null ? "pending" : "rejected";
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
