package dev.bodega.platform;

import org.springframework.web.ErrorResponseException;

/** Optimistic versions of editable rows, carried as {@code ETag: "3"} and {@code If-Match: "3"}, for every module. */
public final class Versions {

    /** Stands for an If-Match that names no version we ever issue: it can only be stale. */
    public static final long UNREADABLE = -1;

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names; null when the header is absent. */
    public static Long fromIfMatch(String header) {
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
