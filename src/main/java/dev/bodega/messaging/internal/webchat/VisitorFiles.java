package dev.bodega.messaging.internal.webchat;

import dev.bodega.messaging.internal.MediaFiles;
import dev.bodega.messaging.internal.MessagingProblem;
import dev.bodega.platform.Problems;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a web chat visitor may send: images and common documents up to {@link MediaFiles#MAX_BYTES}. Anyone on the
 * internet can post here, so the declared type must be one of these and the bytes must look like it (a "PNG" that
 * is HTML is refused): the agents open these files. The widget ({@code static/js/webchat.js}) offers the same list.
 */
final class VisitorFiles {

    private static final Map<String, Predicate<byte[]>> ALLOWED = Map.of(
            "image/jpeg", b -> starts(b, 0xFF, 0xD8, 0xFF),
            "image/png", b -> starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A),
            "image/gif", b -> starts(b, 'G', 'I', 'F', '8'),
            "image/webp", b -> starts(b, 'R', 'I', 'F', 'F') && b.length > 12
                    && Arrays.equals(b, 8, 12, new byte[]{'W', 'E', 'B', 'P'}, 0, 4),
            "application/pdf", b -> starts(b, '%', 'P', 'D', 'F', '-'),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", VisitorFiles::zip,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", VisitorFiles::zip,
            "text/plain", VisitorFiles::text,
            "text/csv", VisitorFiles::text);

    private VisitorFiles() {
    }

    /** Checked before the bytes are read. */
    static void checkSize(long size) {
        if (size > MediaFiles.MAX_BYTES) {
            throw Problems.of(MessagingProblem.ATTACHMENT_TOO_LARGE, "The file is larger than 5 MB");
        }
    }

    /** The file's content type as kept (without parameters), or a refusal. */
    static String type(String declaredType, byte[] bytes) {
        String type = declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        Predicate<byte[]> looksRight = ALLOWED.get(type);
        if (bytes.length == 0 || looksRight == null || !looksRight.test(bytes)) {
            throw Problems.of(MessagingProblem.ATTACHMENT_TYPE,
                    "Send an image (JPEG, PNG, GIF, WebP) or a document (PDF, Word, Excel, text, CSV)");
        }
        return type;
    }

    /** The name without the path some browsers send, cut to what the column keeps. */
    static String name(String fileName) {
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1).strip();
        name = name.isEmpty() ? "archivo" : name;
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean zip(byte[] bytes) {
        return starts(bytes, 'P', 'K', 3, 4);
    }

    /** UTF-8 with no NUL: what a text or CSV file is, and what a binary in disguise is not. */
    private static boolean text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
