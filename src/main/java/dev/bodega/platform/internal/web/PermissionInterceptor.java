package dev.bodega.platform.internal.web;

import dev.bodega.platform.Actor;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.PublicEndpoint;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the permission every Bodega handler declares (on the method, else on
 * its class). A handler that declares none is refused: access fails closed.
 */
class PermissionInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PermissionInterceptor.class);
    private static final List<Class<? extends Annotation>> RULES =
            List.of(PublicEndpoint.class, RequiresPermission.class, SignedIn.class);

    private record Handler(Class<?> type, Method method) {
    }

    /** Each handler's rule, found once: up to six merged-annotation lookups cost every request (issue 17). */
    private final Map<Handler, Optional<Annotation>> rules = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith("dev.bodega")) {
            return true;
        }
        Annotation rule = rules.computeIfAbsent(new Handler(method.getBeanType(), method.getMethod()),
                h -> Optional.ofNullable(rule(h.method())).or(() -> Optional.ofNullable(rule(h.type()))))
                .orElse(null);
        if (rule == null) {
            log.error("{} declares no permission; refused", method);
            throw Problems.of(PlatformProblem.FORBIDDEN, "This action declares no permission");
        }
        if (rule instanceof PublicEndpoint) {
            return true;
        }
        Actor actor = Actor.current().orElseThrow(
                () -> Problems.of(PlatformProblem.UNAUTHORIZED, "Sign in first"));
        if (rule instanceof RequiresPermission required && !actor.can(required.value())) {
            throw Problems.of(PlatformProblem.FORBIDDEN, "You need the permission '" + required.value() + "'");
        }
        return true;
    }

    static Annotation rule(AnnotatedElement element) {
        for (Class<? extends Annotation> type : RULES) {
            Annotation found = AnnotatedElementUtils.findMergedAnnotation(element, type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
