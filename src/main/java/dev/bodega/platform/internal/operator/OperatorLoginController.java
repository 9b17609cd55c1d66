package dev.bodega.platform.internal.operator;

import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.PublicEndpoint;
import dev.bodega.platform.internal.web.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operators' own sign-in page (no company field: an operator belongs to none). */
@Controller
@PublicEndpoint
class OperatorLoginController {

    private final OperatorLogin logins;
    private final RateLimits limits;

    OperatorLoginController(OperatorLogin logins, RateLimits limits) {
        this.logins = logins;
        this.limits = limits;
    }

    @GetMapping("/operator/login")
    String form() {
        return "operator/login";
    }

    @PostMapping("/operator/login")
    String login(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("email", email);
        try {
            limits.take(RateLimits.Kind.OPERATOR_LOGIN_PER_IP, request.getRemoteAddr());
            limits.take(RateLimits.Kind.OPERATOR_LOGIN_PER_ACCOUNT, RateLimits.account(null, email));
        } catch (ErrorResponseException e) {
            response.setStatus(e.getStatusCode().value());
            response.setHeader(HttpHeaders.RETRY_AFTER, e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
            model.addAttribute("error", PlatformProblem.TOO_MANY_REQUESTS.messageKey());
            return "operator/login";
        }
        var operator = logins.login(email, password, request.getRemoteAddr());
        if (operator.isEmpty()) {
            model.addAttribute("error", "operator.login.error");
            return "operator/login";
        }
        // A new session: no fixation, and no company session carried over into the console.
        var existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        request.getSession(true);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new OperatorAuthentication(operator.get()));
        SecurityContextHolder.setContext(context);
        OperatorSecurity.CONTEXTS.saveContext(context, request, response);
        return "redirect:/operator";
    }
}
