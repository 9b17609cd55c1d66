package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Actor;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.ProblemType;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.internal.operator.OperatorView;
import dev.bodega.platform.internal.operator.OperatorViews;
import dev.bodega.platform.internal.web.ProblemSecurityHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs after Spring Security has said who the caller is: re-reads the user's
 * standing and permissions (an API key's request already read them with the key), refuses a deactivated user or a suspended
 * company, and sets the tenant context and {@link Actor} for the request.
 */
@Component
class ActorFilter extends OncePerRequestFilter {

    private final Users users;
    private final TransactionTemplate transactions;
    private final OperatorViews operatorViews;

    ActorFilter(Users users, TransactionTemplate transactions, OperatorViews operatorViews) {
        this.users = users;
        this.transactions = transactions;
        this.operatorViews = operatorViews;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof OperatorView view) {
            operatorViews.filter(view, request, response, chain);
            return;
        }
        Optional<Caller> caller = Caller.of(auth);
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var scope = new TenantContext.Scope(caller.get().tenantId(), caller.get().userId(),
                request.getRemoteAddr(), request.getHeader("User-Agent"));
        Optional<Users.Standing> standing = auth instanceof ApiKeyAuthentication key ? key.standing()
                : TenantContext.callAs(scope,
                        () -> transactions.execute(tx -> users.standing(scope.tenantId(), scope.userId())));
        if (standing.isEmpty() || !standing.get().userActive()) {
            refuse(request, response, PlatformProblem.UNAUTHORIZED, "inactive", "This user is no longer active");
            return;
        }
        if (!standing.get().tenantStatus().equals("active")) {
            refuse(request, response, PlatformProblem.TENANT_SUSPENDED, "suspended",
                    "This company is " + standing.get().tenantStatus());
            return;
        }
        UUID partner = standing.get().organizationId();
        Actor actor = new Actor(scope.tenantId(), scope.userId(), standing.get().name(), standing.get().email(),
                standing.get().permissionSet(), caller.get().keyId(), caller.get().keyPermissions(), partner);
        Actor.set(actor);
        try (TenantContext.Opened ignored = TenantContext.open(scope.withPartner(partner))) {
            chain.doFilter(request, response);
        } finally {
            Actor.set(null);
        }
    }

    /** An error page is a page too: it keeps the signed-in user's menu. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemType type,
                               String reason, String detail) throws IOException {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemSecurityHandler.write(response, type, detail);
        } else {
            response.sendRedirect("/login?" + reason);
        }
    }

    private record Caller(UUID tenantId, UUID userId, UUID keyId, java.util.Set<String> keyPermissions) {
        static Optional<Caller> of(Authentication auth) {
            if (auth instanceof SessionAuthentication session) {
                return Optional.of(new Caller(session.getPrincipal().tenantId(), session.getPrincipal().userId(), null, null));
            }
            if (auth instanceof ApiKeyAuthentication key) {
                return Optional.of(new Caller(key.tenantId(), key.userId(), key.keyId(), key.permissions()));
            }
            return Optional.empty();
        }
    }
}
