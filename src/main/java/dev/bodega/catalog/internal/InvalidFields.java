package dev.bodega.catalog.internal;

import dev.bodega.platform.PlatformProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;

/**
 * Fields a rule beyond Bean Validation refused (a unit that does not exist,
 * min above max): the same 400 validation problem, listing each field, and
 * the keys themselves for a page to show inline.
 */
public final class InvalidFields extends ErrorResponseException {

    private final transient List<Violation> violations;

    InvalidFields(List<Violation> violations, MessageSource messages) {
        super(HttpStatus.BAD_REQUEST, problem(violations, messages), null);
        this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
        return violations;
    }

    /** Throws when there is anything to report. */
    public static void throwIfAny(List<Violation> violations, MessageSource messages) {
        if (!violations.isEmpty()) {
            throw new InvalidFields(violations, messages);
        }
    }

    private static ProblemDetail problem(List<Violation> violations, MessageSource messages) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields");
        problem.setType(PlatformProblem.VALIDATION.uri());
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field(), "message",
                        messages.getMessage(v.key(), v.args(), v.key(), LocaleContextHolder.getLocale())))
                .toList());
        return problem;
    }
}
