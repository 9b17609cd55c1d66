package dev.bodega.platform.internal.identity;

import dev.bodega.platform.TenantContext;
import dev.bodega.platform.internal.identity.SecurityEvents.Risk;
import dev.bodega.platform.internal.identity.SecurityEvents.Type;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** A logout is a security event. */
@Component
class LogoutEvents implements LogoutHandler {

    private final SecurityEvents events;

    LogoutEvents(SecurityEvents events) {
        this.events = events;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication instanceof SessionAuthentication session) {
            SignedInUser user = session.getPrincipal();
            var scope = new TenantContext.Scope(user.tenantId(), user.userId(), request.getRemoteAddr(),
                    request.getHeader("User-Agent"));
            TenantContext.runAs(scope, () -> events.record(Type.LOGOUT, Risk.low, user.userId(), null));
        }
    }
}
