package dev.bodega.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** RFC 9457 problems with stable types, thrown from any module. */
public final class Problems {

    public static final String TYPE_BASE = "https://bodega.dev/problems/";

    private Problems() {
    }

    public static ErrorResponseException of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(status.getReasonPhrase());
        return new ErrorResponseException(status, problem, null);
    }

    public static ErrorResponseException conflict(String type, String detail) {
        return of(HttpStatus.CONFLICT, type, detail);
    }

    public static ErrorResponseException invalid(String type, String detail) {
        return of(HttpStatus.UNPROCESSABLE_CONTENT, type, detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    /** A stale or missing {@code If-Match} version on an update. */
    public static ErrorResponseException staleVersion() {
        return conflict("stale-version", "The record was changed by someone else; reload it and try again");
    }
}
