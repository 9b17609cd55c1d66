package dev.bodega.platform.internal.identity;

import dev.bodega.platform.internal.web.RateLimits;
import dev.bodega.platform.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@Tag(name = "Sign-up")
class SignupApiController {

    record SignupResponse(UUID tenantId, UUID adminUserId, String slug) {
    }

    private final SignupService signups;
    private final RateLimits limits;

    SignupApiController(SignupService signups, RateLimits limits) {
        this.limits = limits;
        this.signups = signups;
    }

    @PostMapping("/api/v1/signup")
    @ResponseStatus(HttpStatus.CREATED)
    @PublicEndpoint
    @Operation(summary = "Create a company and its first admin user")
    SignupResponse signUp(@Valid @RequestBody SignupForm form, HttpServletRequest request) {
        limits.take(RateLimits.Kind.SIGNUP_PER_IP, request.getRemoteAddr());
        var created = signups.signUp(form.toSignup(), request.getRemoteAddr(), request.getHeader("User-Agent"));
        return new SignupResponse(created.tenantId(), created.adminId(), form.slug());
    }
}
