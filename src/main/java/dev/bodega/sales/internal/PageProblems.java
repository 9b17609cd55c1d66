package dev.bodega.sales.internal;

import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Lets a page show a service's problem as a message of the sales bundle, by its stable type. */
final class PageProblems {

    private PageProblems() {
    }

    /** The last segment of the problem's type, e.g. {@code stale-version}; empty if it has none. */
    static String type(ErrorResponseException e) {
        ProblemDetail body = e.getBody();
        if (body.getType() == null) {
            return "";
        }
        String type = body.getType().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    /** Problems the pages explain in their own words; any other is shown by {@code sales.problem.other}. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("stale-version", "document-taken",
            "sale-already-cancelled", "sale-has-returns", "sale-not-completed", "return-exceeds-sold",
            "refund-exceeds-value", "location-not-allowed", "inactive-location", "unknown-location", "quantity-decimals");

    /** The bundle key {@code sales.problem.<type>} of a known problem, else {@code sales.problem.other}. */
    static String message(ErrorResponseException e) {
        String type = type(e);
        return KNOWN.contains(type) ? "sales.problem." + type : "sales.problem.other";
    }
}
