package dev.bodega.platform.internal.web;

import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** 401 and 403 on the API as problem+json, not a login page. */
@Component
public class ProblemSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(response, PlatformProblem.UNAUTHORIZED,
                "Sign in, or send a valid API key as 'Authorization: Bearer <key>'");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, PlatformProblem.FORBIDDEN, "Access denied (a missing or invalid CSRF token, or no permission)");
    }

    public static void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        HttpStatus status = type.status();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"%s","title":"%s","status":%d,"detail":"%s"}"""
                .formatted(type.uri(), status.getReasonPhrase(), status.value(), detail.replace("\"", "'")));
    }
}
