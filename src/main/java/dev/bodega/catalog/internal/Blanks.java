package dev.bodega.catalog.internal;

/** Optional text as the catalog stores it: trimmed, and null rather than blank. */
public final class Blanks {

    private Blanks() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
