package dev.bodega.messaging.internal;

/** The line of a message shown in the conversation list. */
final class Previews {

    static final int LENGTH = 200;

    private Previews() {
    }

    static String of(String content) {
        if (content == null) {
            return "";
        }
        String line = content.strip().replaceAll("\\s+", " ");
        return line.length() <= LENGTH ? line : line.substring(0, LENGTH - 1) + "…";
    }
}
