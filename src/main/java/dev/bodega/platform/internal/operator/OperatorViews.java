package dev.bodega.platform.internal.operator;

import dev.bodega.platform.Actor;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.ProblemType;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.internal.web.ProblemSecurityHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Set;

/**
 * Lets an operator into a company under an open grant: read-only ({@code *.read}; anything but GET or HEAD is
 * refused), each request recorded as a use of the grant (and so in the company's audit log), and the view ended as
 * soon as the grant expires or is revoked.
 */
@Component
public class OperatorViews {

    static final Set<String> PERMISSIONS = Set.of("*.read");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");
    private static final String[] UNRECORDED = {"/css/", "/js/", "/webjars/", "/favicon.ico", "/error"};

    private final AccessGrants grants;

    OperatorViews(AccessGrants grants) {
        this.grants = grants;
    }

    /** Serves the request as the operator's read-only view of the company, or refuses it. */
    public void filter(OperatorView view, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE_METHODS.contains(request.getMethod())) {
            refuse(request, response, PlatformProblem.OPERATOR_READ_ONLY, "An operator's view is read-only", false);
            return;
        }
        var scope = new TenantContext.Scope(view.tenantId(), null, request.getRemoteAddr(), request.getHeader("User-Agent"));
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        boolean open = recorded(request.getRequestURI())
                ? TenantContext.callAs(scope, () -> grants.use(view.grantId(), view.operatorId(), view.email(),
                        request.getMethod(), path))
                : TenantContext.callAs(scope, () -> grants.openGrant().filter(view.grantId()::equals).isPresent());
        if (!open) {
            refuse(request, response, PlatformProblem.OPERATOR_ACCESS_NOT_GRANTED,
                    "The company's grant has expired or was revoked", true);
            return;
        }
        Actor.set(new Actor(view.tenantId(), null, view.name(), view.email(), PERMISSIONS, null, null));
        try (TenantContext.Opened ignored = TenantContext.open(scope)) {
            chain.doFilter(request, response);
        } finally {
            Actor.set(null);
        }
    }

    private static boolean recorded(String uri) {
        for (String prefix : UNRECORDED) {
            if (uri.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** A closed grant ends the view (the operator's console session stays); a write is only refused. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemType type,
                               String detail, boolean endView) throws IOException {
        if (endView) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            }
        }
        if (request.getRequestURI().startsWith("/api/") || !endView) {
            ProblemSecurityHandler.write(response, type, detail);
        } else {
            response.sendRedirect("/operator?accessEnded");
        }
    }
}
