package dev.bodega.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problems with stable types, thrown from any module. */
public final class Problems {

    public static final String TYPE_BASE = "https://bodega.dev/problems/";

    private Problems() {
    }

    /** The one way to raise a problem: its type and, for the API's callers, what exactly went wrong. */
    public static ErrorResponseException of(ProblemType type, String detail) {
        return new ErrorResponseException(type.status(), detail(type, type.status(), detail), null);
    }

    /** The body of a problem, for a handler that answers one with a status of its own (any 4xx, any 5xx). */
    public static ProblemDetail detail(ProblemType type, HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /** A stale or missing {@code If-Match} version on an update. */
    public static ErrorResponseException staleVersion() {
        return of(PlatformProblem.STALE_VERSION, "The record was changed by someone else; reload it and try again");
    }
}
