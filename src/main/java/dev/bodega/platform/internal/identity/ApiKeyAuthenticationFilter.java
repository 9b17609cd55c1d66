package dev.bodega.platform.internal.identity;

import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.internal.web.ProblemSecurityHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** {@code Authorization: Bearer <key>} on the API. A bad key is refused outright, never treated as anonymous. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    private final ApiKeys apiKeys;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        var key = header.startsWith(PREFIX)
                ? apiKeys.authenticate(header.substring(PREFIX.length()).trim(), request.getRemoteAddr(),
                        request.getHeader(HttpHeaders.USER_AGENT))
                : java.util.Optional.<ApiKeyAuthentication>empty();
        if (key.isEmpty()) {
            ProblemSecurityHandler.write(response, PlatformProblem.INVALID_API_KEY,
                    "The API key is unknown, revoked or expired");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(key.get());
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
