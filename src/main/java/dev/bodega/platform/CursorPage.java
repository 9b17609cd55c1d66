package dev.bodega.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list in id order (ids are UUIDv7 or sequences, so this is
 * creation order). {@code nextCursor} is null on the last page.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Builds a page from up to {@code limit + 1} rows: the extra row only says that more exist. */
    public static <T> CursorPage<T> of(List<T> rows, int limit, Function<T, Object> cursorOf) {
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new CursorPage<>(List.copyOf(items), String.valueOf(cursorOf.apply(items.get(limit - 1))));
    }
}
