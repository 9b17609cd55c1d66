package dev.bodega.platform;

/**
 * The version an update was based on, from the request's {@code If-Match}
 * header ({@code "3"}, {@code W/"3"} or {@code 3}); declare it as a controller
 * argument. {@code version} is null when the header is absent, and -1 (a
 * version never issued, so stale) when it cannot be read. Services check it
 * with {@link Versions#check} once they found the row, so a foreign id stays
 * a 404.
 */
public record IfMatch(Long version) {

    /** For a conditional write that checks the version itself: missing → 428. */
    public long required() {
        if (version == null) {
            throw Versions.required();
        }
        return version;
    }
}
