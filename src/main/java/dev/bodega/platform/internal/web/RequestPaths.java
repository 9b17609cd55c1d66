package dev.bodega.platform.internal.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The path a client asked for, as a problem's {@code instance}: even a malformed one, escaped into a valid URI. */
final class RequestPaths {

    private static final String KEPT = "/-._~!$&'()*+,;=:@";

    private RequestPaths() {
    }

    static boolean isApi(String path) {
        return path != null && path.startsWith("/api/");
    }

    /** The raw path with every character a URI path may not hold percent-escaped (a bad escape included); null if none. */
    static URI instance(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return null;
        }
        StringBuilder escaped = new StringBuilder();
        byte[] bytes = rawPath.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                escaped.append('%');
            } else if (Character.isLetterOrDigit(b) && b < 128 || KEPT.indexOf(b) >= 0) {
                escaped.append((char) b);
            } else {
                escaped.append('%').append(String.format("%02X", b));
            }
        }
        return URI.create(escaped.toString());
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
