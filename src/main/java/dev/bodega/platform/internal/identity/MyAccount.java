package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Actor;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.internal.identity.SecurityEvents.Risk;
import dev.bodega.platform.internal.identity.SecurityEvents.Type;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The signed-in user's own account: their data, password and sessions. */
@Service
class MyAccount {

    record Me(UUID id, UUID tenantId, String name, String email, String phone, boolean passwordChangeRequired,
              Instant lastLoginAt, List<UserAdmin.RoleRef> roles, Set<String> permissions, boolean viaApiKey,
              UUID organizationId) {
    }

    record PasswordChange(
            @NotBlank(message = "{field.password.required}") String currentPassword,
            @NotBlank(message = "{field.password.required}")
            @Size(min = 8, max = 72, message = "{field.password.length}") String newPassword) {
    }

    private final JdbcClient jdbc;
    private final UserAdmin users;
    private final UserSessions sessions;
    private final SecurityEvents events;
    private final PasswordEncoder passwords;

    MyAccount(JdbcClient jdbc, UserAdmin users, UserSessions sessions, SecurityEvents events,
              PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.users = users;
        this.sessions = sessions;
        this.events = events;
        this.passwords = passwords;
    }

    @Transactional(readOnly = true)
    public Me me() {
        Actor actor = Actor.require();
        UserAdmin.UserView user = users.get(actor.userId());
        return new Me(user.id(), actor.tenantId(), user.name(), user.email(), user.phone(),
                user.passwordChangeRequired(), user.lastLoginAt(), user.roles(), new TreeSet<>(actor.permissions()),
                actor.apiKeyId() != null, actor.organizationId());
    }

    /**
     * Checks the current password, stores the new one and ends every other
     * session of the user (whoever knew the old password may hold one).
     * {@code currentSessionId} is null when the caller uses an API key.
     */
    @Transactional
    public void changePassword(PasswordChange change, String currentSessionId) {
        UUID me = Actor.require().userId();
        String hash = jdbc.sql("""
                        SELECT password_hash FROM users
                        WHERE tenant_id = :tenant AND id = :id AND deleted_at IS NULL FOR UPDATE""")
                .param("tenant", TenantContext.tenantId())
                .param("id", me).query(String.class).single();
        if (!passwords.matches(change.currentPassword(), hash)) {
            throw Problems.of(PlatformProblem.WRONG_PASSWORD, "The current password is not correct");
        }
        if (change.newPassword().equals(change.currentPassword())) {
            throw Problems.of(PlatformProblem.PASSWORD_UNCHANGED, "The new password must differ from the current one");
        }
        jdbc.sql("""
                        UPDATE users SET password_hash = :hash, password_change_required = false, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("hash", passwords.encode(change.newPassword())).param("id", me).update();
        events.record(Type.PASSWORD_CHANGED, Risk.medium, me, null);
        UUID tenantId = TenantContext.tenantId();
        AfterCommit.run(() -> sessions.endAll(tenantId, me, currentSessionId, "password changed"));
    }

    public List<UserSessions.SessionView> sessions(String currentSessionId) {
        Actor actor = Actor.require();
        return sessions.list(actor.tenantId(), actor.userId(), currentSessionId);
    }

    /** Ends one of the caller's own sessions; false when the handle names none of them. */
    public boolean endSession(String handle) {
        Actor actor = Actor.require();
        return sessions.end(actor.tenantId(), actor.userId(), handle, "ended by the user");
    }
}
