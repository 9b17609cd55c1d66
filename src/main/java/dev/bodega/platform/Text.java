package dev.bodega.platform;

/** Optional text as Bodega stores it, in every module: trimmed, and null rather than blank. */
public final class Text {

    private Text() {
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
