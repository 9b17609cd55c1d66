package dev.bodega.platform.internal.identity;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own account. With an API key there is no current session:
 * no session is flagged current, and a password change ends all sessions.
 */
@RestController
@RequestMapping("/api/v1/me")
@SignedIn
@Tag(name = "My account")
class MeApiController {

    private final MyAccount account;

    MeApiController(MyAccount account) {
        this.account = account;
    }

    @GetMapping
    @Operation(summary = "Who I am: my data, roles and effective permissions")
    MyAccount.Me me() {
        return account.me();
    }

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change my password; my other sessions end")
    void changePassword(@Valid @RequestBody MyAccount.PasswordChange change, HttpServletRequest request) {
        account.changePassword(change, CurrentSession.id(request));
    }

    @GetMapping("/sessions")
    @Operation(summary = "My active sessions; ids are handles for ending them, not the session cookie")
    CursorPage<UserSessions.SessionView> sessions(HttpServletRequest request) {
        return new CursorPage<>(account.sessions(CurrentSession.id(request)), null);
    }

    @DeleteMapping("/sessions/{sessionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End one of my sessions")
    void endSession(@PathVariable String sessionId) {
        if (!account.endSession(sessionId)) {
            throw new NotFoundException("Session");
        }
    }
}
