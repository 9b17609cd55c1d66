package dev.bodega.platform.internal.web;

import dev.bodega.platform.IfMatch;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Reads {@link IfMatch} from the {@code If-Match} header: {@code "3"}, {@code W/"3"} or {@code 3}. */
class IfMatchArgument implements HandlerMethodArgumentResolver {

    /** Stands for an If-Match that names no version we ever issue: it can only be stale. */
    private static final long UNREADABLE = -1;

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == IfMatch.class;
    }

    @Override
    public IfMatch resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                   WebDataBinderFactory binders) {
        // Repeated headers read as one list, as a String @RequestHeader reads them.
        String[] values = request.getHeaderValues(HttpHeaders.IF_MATCH);
        return new IfMatch(version(values == null ? null : String.join(",", values)));
    }

    static Long version(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return UNREADABLE;
        }
    }
}
