package dev.bodega.inventory.internal;

import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opaque cursors for lists ordered by more than an id (stock levels by SKU and
 * location, low stock by quantity): the sort key of the last row, base64url.
 */
public final class Cursors {

    private static final String SEPARATOR = "\n";

    private Cursors() {
    }

    /** What a cursor's part must be, checked on decoding so a forged cursor is a 400, not a failed query. */
    public enum Part {
        NUMBER, UUID, TEXT;

        void check(String value) {
            switch (this) {
                case NUMBER -> new java.math.BigDecimal(value);
                case UUID -> java.util.UUID.fromString(value);
                case TEXT -> {
                }
            }
        }
    }

    public static String encode(Object... parts) {
        String joined = Stream.of(parts).map(String::valueOf).collect(Collectors.joining(SEPARATOR));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The parts of a cursor this list made, of the given kinds (free text goes last); null when there is none; 400
     * when it is not ours.
     */
    public static List<String> decode(String cursor, Part... parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = List.of(joined.split(SEPARATOR, parts.length));
            if (values.size() == parts.length) {
                for (int i = 0; i < parts.length; i++) {
                    parts[i].check(values.get(i));
                }
                return values;
            }
        } catch (IllegalArgumentException e) { // NumberFormatException among them
            // falls through to the problem below
        }
        throw Problems.of(PlatformProblem.VALIDATION, "Invalid cursor");
    }
}
