package dev.bodega.platform.internal.identity;

import dev.bodega.platform.internal.web.RateLimits;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PublicEndpoint;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The account lifecycle by email: invitations, password reset, a verified change of address. */
@RestController
@Tag(name = "Account by email")
class AccountMailApiController {

    record ResetRequest(@NotBlank(message = "{signup.slug.required}") @Size(max = 64) String company,
                        @NotBlank(message = "{users.email.required}") @Size(max = 254) String email) {
    }

    private final RateLimits limits;
    private final Invitations invitations;
    private final PasswordReset reset;
    private final EmailChange emailChange;

    AccountMailApiController(Invitations invitations, PasswordReset reset, EmailChange emailChange, RateLimits limits) {
        this.limits = limits;
        this.invitations = invitations;
        this.reset = reset;
        this.emailChange = emailChange;
    }

    @PostMapping("/api/v1/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission("users.write")
    @Operation(summary = "Invite a person by email with roles: they are pending_invitation until they follow the "
            + "mailed link (valid 72 hours, once); 409 email-taken")
    Invitations.InvitationView invite(@Valid @RequestBody Invitations.Invite invite) {
        return invitations.invite(invite);
    }

    @GetMapping("/api/v1/invitations")
    @RequiresPermission("users.write")
    @Operation(summary = "Invitations not yet accepted, newest first")
    CursorPage<Invitations.InvitationView> pending() {
        return new CursorPage<>(invitations.pending(), null);
    }

    @PostMapping("/api/v1/invitations/{userId}/resend")
    @RequiresPermission("users.write")
    @Operation(summary = "Mail a new link; the previous one stops working")
    Invitations.InvitationView resend(@PathVariable UUID userId) {
        return invitations.resend(userId);
    }

    @PostMapping("/api/v1/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PublicEndpoint
    @Operation(summary = "Mail a password reset link (valid one hour, once) if the company has a user with this "
            + "address; the answer is the same either way")
    void requestReset(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        limits.take(RateLimits.Kind.PASSWORD_RESET_PER_IP, http.getRemoteAddr());
        limits.take(RateLimits.Kind.PASSWORD_RESET_PER_ACCOUNT, RateLimits.account(request.company(), request.email()));
        reset.request(request.company(), request.email(), http.getRemoteAddr(), http.getHeader("User-Agent"));
    }

    @PostMapping("/api/v1/me/email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @SignedIn
    @Operation(summary = "Change one's own address: it stays pending until the link mailed to it is followed")
    void changeEmail(@Valid @RequestBody EmailChange.Request request) {
        emailChange.request(request);
    }
}
