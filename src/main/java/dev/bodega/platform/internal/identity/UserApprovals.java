package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Actor;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * An admin's answer to a person who asked to join (seed 003 aprobado, aprobado_por, fecha_aprobacion,
 * motivo_rechazo): approve, with the roles they get, or reject with a reason they are shown at sign-in.
 * A pending user may be approved or rejected; a rejected one may still be approved later; nothing else.
 */
@Service
class UserApprovals {

    record Approval(List<UUID> roleIds) {
    }

    record Rejection(@NotBlank(message = "{users.rejection.required}") @Size(max = 500, message = "{field.too-long}")
                     String reason) {
    }

    private final JdbcClient jdbc;
    private final UserAdmin users;
    private final AuthChanges authChanges;

    UserApprovals(JdbcClient jdbc, UserAdmin users, AuthChanges authChanges) {
        this.jdbc = jdbc;
        this.users = users;
        this.authChanges = authChanges;
    }

    @Transactional(readOnly = true)
    public List<UserAdmin.UserView> pending() {
        return users.awaitingApproval();
    }

    @Transactional
    public UserAdmin.UserView approve(UUID id, Approval approval) {
        users.get(id);
        users.requireFreeSeat();
        authChanges.madeHere();
        int updated = jdbc.sql("""
                        UPDATE users SET approved = true, approved_by = :admin, approved_at = now(),
                               rejection_reason = NULL, version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND NOT approved AND deleted_at IS NULL""")
                .param("admin", Actor.require().userId()).param("tenant", TenantContext.tenantId()).param("id", id)
                .update();
        requireChanged(updated, "approved");
        UserAdmin.UserView approved = users.get(id);
        return approval.roleIds() == null || approval.roleIds().isEmpty() ? approved
                : users.setRoles(id, approved.version(), approval.roleIds());
    }

    @Transactional
    public UserAdmin.UserView reject(UUID id, Rejection rejection) {
        users.get(id);
        int updated = jdbc.sql("""
                        UPDATE users SET rejection_reason = :reason, version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND NOT approved AND rejection_reason IS NULL
                          AND deleted_at IS NULL""")
                .param("reason", rejection.reason().trim()).param("tenant", TenantContext.tenantId()).param("id", id)
                .update();
        requireChanged(updated, "awaiting approval");
        return users.get(id);
    }

    private static void requireChanged(int rows, String state) {
        if (rows == 0) {
            throw Problems.of(PlatformProblem.APPROVAL_STATE, "The user is not " + (state.equals("approved")
                    ? "awaiting approval or rejected" : state));
        }
    }
}
