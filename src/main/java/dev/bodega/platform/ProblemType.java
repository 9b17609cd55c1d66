package dev.bodega.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * A kind of problem the application refuses with: its slug names it in the
 * problem's {@code type} ({@code https://bodega.dev/problems/<slug>}), its
 * status is the HTTP answer, and its message key ({@code problem.<slug>}) is
 * what people read. Each module declares its own in one enum; raise one with
 * {@link Problems#of(ProblemType, String)}.
 */
public interface ProblemType {

    String slug();

    HttpStatus status();

    default String messageKey() {
        return ProblemMessages.KEY_PREFIX + slug();
    }

    default URI uri() {
        return URI.create(Problems.TYPE_BASE + slug());
    }

    /** Whether {@code problem} is of this type, whichever module raised it: the type is its URI. */
    default boolean is(ErrorResponseException problem) {
        return uri().equals(problem.getBody().getType());
    }
}
