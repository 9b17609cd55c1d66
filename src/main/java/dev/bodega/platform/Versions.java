package dev.bodega.platform;

import org.springframework.web.ErrorResponseException;

/**
 * Optimistic versions of editable rows, for every module. The API carries them as {@code ETag: "3"}
 * ({@link Versioned}) and {@code If-Match: "3"} ({@link IfMatch}); pages in a form field.
 */
public final class Versions {

    private Versions() {
    }

    /** Missing → 428, different → 409; checked after the row was found, so a foreign id stays a 404. */
    public static void check(Long expected, long actual) {
        if (expected == null) {
            throw required();
        }
        if (expected != actual) {
            throw Problems.staleVersion();
        }
    }

    public static ErrorResponseException required() {
        return Problems.of(PlatformProblem.IF_MATCH_REQUIRED,
                "Send the version you edited as 'If-Match: \"<version>\"' (from the ETag of a GET)");
    }
}
