package dev.bodega.platform.internal.identity;

import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Lets a page turn a service's problem into an inline message, by its stable type. */
final class ProblemTypes {

    private ProblemTypes() {
    }

    /** The last segment of the problem's type URI, e.g. {@code stale-version}; empty if it has none. */
    static String of(ErrorResponseException e) {
        ProblemDetail body = e.getBody();
        if (body.getType() == null) {
            return "";
        }
        String type = body.getType().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
