package dev.bodega.platform;

/**
 * The page a list call asks for, from the {@code limit} and {@code cursor}
 * query parameters; declare it as a controller argument. {@code limit} is 50
 * when absent and kept within 1..200; {@code cursor} is converted to {@code C}
 * ({@code String} or {@code UUID}). A malformed value fails as it would for a
 * {@code @RequestParam} of that type.
 */
public record PageQuery<C>(int limit, C cursor) {

    /** The first page, for a page that renders its list again after a failed form. */
    public static <C> PageQuery<C> first() {
        return new PageQuery<>(CursorPage.DEFAULT_LIMIT, null);
    }
}
