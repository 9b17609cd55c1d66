package dev.bodega.platform.internal.identity;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.IfMatch;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Users of the caller's company. Edits carry the user's version: {@code If-Match: "<version>"}. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UsersApiController {

    record JoinLink(String path) {
    }

    private final UserAdmin users;
    private final UserApprovals approvals;
    private final Joining joining;

    UsersApiController(UserAdmin users, UserApprovals approvals, Joining joining) {
        this.users = users;
        this.approvals = approvals;
        this.joining = joining;
    }

    @GetMapping("/pending")
    @RequiresPermission("users.write")
    @Operation(summary = "People who asked to join by the company's join link and await an answer, oldest first")
    CursorPage<UserAdmin.UserView> pending() {
        return new CursorPage<>(approvals.pending(), null);
    }

    @PostMapping("/{id}/approve")
    @RequiresPermission("users.write")
    @Operation(summary = "Approve a person who asked to join (optionally granting roles); 409 approval-state if "
            + "already approved")
    Versioned<UserAdmin.UserView> approve(@PathVariable UUID id, @RequestBody(required = false)
                                          UserApprovals.Approval approval) {
        return Versioned.of(approvals.approve(id, approval == null ? new UserApprovals.Approval(null) : approval),
                UserAdmin.UserView::version);
    }

    @PostMapping("/{id}/reject")
    @RequiresPermission("users.write")
    @Operation(summary = "Reject a person awaiting approval, with the reason they are shown at sign-in; 409 "
            + "approval-state if not awaiting approval")
    Versioned<UserAdmin.UserView> reject(@PathVariable UUID id, @Valid @RequestBody UserApprovals.Rejection rejection) {
        return Versioned.of(approvals.reject(id, rejection), UserAdmin.UserView::version);
    }

    @GetMapping("/join-link")
    @RequiresPermission("users.write")
    @Operation(summary = "The company's join link (path under this server): whoever opens it may ask to join")
    JoinLink joinLink() {
        return new JoinLink(joining.link());
    }

    @PostMapping("/join-link")
    @RequiresPermission("users.write")
    @Operation(summary = "Replace the company's join link; the old one stops working")
    JoinLink replaceJoinLink() {
        return new JoinLink(joining.replaceLink());
    }

    @GetMapping
    @RequiresPermission("users.read")
    @Operation(summary = "List users, newest first; q searches name and email")
    CursorPage<UserAdmin.UserView> list(@RequestParam(required = false) String q,
                                        @RequestParam(required = false) Boolean active,
                                        @RequestParam(required = false) UUID role,
                                        PageQuery<UUID> page) {
        return users.list(new UserAdmin.Filter(q, active, role), page.cursor(), page.limit());
    }

    @GetMapping("/{id}")
    @RequiresPermission("users.read")
    Versioned<UserAdmin.UserView> get(@PathVariable UUID id) {
        return Versioned.of(users.get(id), UserAdmin.UserView::version);
    }

    @PostMapping
    @RequiresPermission("users.write")
    @Operation(summary = "Invite a user with a temporary password, to be changed at first sign-in")
    ResponseEntity<Versioned<UserAdmin.UserView>> create(@Valid @RequestBody UserAdmin.NewUser user) {
        UserAdmin.UserView created = users.create(user);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(Versioned.of(created, UserAdmin.UserView::version));
    }

    @PutMapping("/{id}")
    @RequiresPermission("users.write")
    @Operation(summary = "Edit name, email, phone and status (If-Match required)")
    Versioned<UserAdmin.UserView> update(@PathVariable UUID id, @Valid @RequestBody UserAdmin.Changes changes,
                                         IfMatch ifMatch) {
        return Versioned.of(users.update(id, ifMatch.version(), changes), UserAdmin.UserView::version);
    }

    @PutMapping("/{id}/roles")
    @RequiresPermission("users.write")
    @Operation(summary = "Replace the user's roles (If-Match of the user required)")
    Versioned<UserAdmin.UserView> setRoles(@PathVariable UUID id,
                                           @Valid @RequestBody UserAdmin.RoleAssignment assignment, IfMatch ifMatch) {
        return Versioned.of(users.setRoles(id, ifMatch.version(), assignment.roleIds()), UserAdmin.UserView::version);
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("users.write")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a user (soft): they can no longer sign in and their sessions end")
    void delete(@PathVariable UUID id) {
        users.delete(id);
    }

    @GetMapping("/{id}/sessions")
    @RequiresPermission("users.write")
    @Operation(summary = "The user's active sessions")
    CursorPage<UserSessions.SessionView> sessions(@PathVariable UUID id) {
        return new CursorPage<>(users.sessions(id), null);
    }

    @DeleteMapping("/{id}/sessions")
    @RequiresPermission("users.write")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End all the user's sessions")
    void endSessions(@PathVariable UUID id) {
        users.endSessions(id);
    }
}
