package dev.bodega.platform.internal.identity;

import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.PublicEndpoint;
import dev.bodega.platform.internal.web.RateLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;
import dev.bodega.platform.internal.web.WebConfiguration;

import java.util.Locale;

/** The login page: company identifier, email and password. */
@Controller
@PublicEndpoint
class LoginController {

    static final String IP_ATTRIBUTE = "bodega.clientIp";
    static final String AGENT_ATTRIBUTE = "bodega.userAgent";

    private final LoginService logins;
    private final SecurityContextRepository contexts;
    private final LocaleResolver locales;
    private final RateLimits limits;

    LoginController(LoginService logins, SecurityContextRepository contexts, LocaleResolver locales, RateLimits limits) {
        this.limits = limits;
        this.logins = logins;
        this.contexts = contexts;
        this.locales = locales;
    }

    @GetMapping("/login")
    String form() {
        return "platform/login";
    }

    @PostMapping("/login")
    String login(@RequestParam(defaultValue = "") String company, @RequestParam(defaultValue = "") String email,
                 @RequestParam(defaultValue = "") String password, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        String agent = request.getHeader("User-Agent");
        try {
            limits.take(RateLimits.Kind.LOGIN_PER_IP, request.getRemoteAddr());
            limits.take(RateLimits.Kind.LOGIN_PER_ACCOUNT, RateLimits.account(company, email));
        } catch (ErrorResponseException e) {
            response.setStatus(e.getStatusCode().value());
            response.setHeader(HttpHeaders.RETRY_AFTER, e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
            model.addAttribute("company", company);
            model.addAttribute("email", email);
            model.addAttribute("error", PlatformProblem.TOO_MANY_REQUESTS.messageKey());
            return "platform/login";
        }
        LoginService.Result result = logins.login(company, email, password, request.getRemoteAddr(), agent);
        if (result.outcome() != LoginService.Outcome.SUCCESS) {
            model.addAttribute("company", company);
            model.addAttribute("email", email);
            model.addAttribute("error", "login.error." + result.outcome().name().toLowerCase(Locale.ROOT));
            model.addAttribute("rejectionReason", result.rejectionReason());
            return "platform/login";
        }
        signIn(result.user(), request, response);
        if (WebUtils.getCookie(request, WebConfiguration.LOCALE_COOKIE) == null) {
            locales.setLocale(request, response, Locale.forLanguageTag(result.locale()));
        }
        // A temporary password (an invitation) is replaced first thing.
        return result.passwordChangeRequired() ? "redirect:/profile?passwordChangeRequired" : "redirect:/";
    }

    /** Starts a new session (no fixation) holding the signed-in user, with where it came from. */
    private void signIn(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
        var existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        var session = request.getSession(true);
        session.setAttribute(IP_ATTRIBUTE, request.getRemoteAddr());
        session.setAttribute(AGENT_ATTRIBUTE, request.getHeader("User-Agent"));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new SessionAuthentication(user));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
