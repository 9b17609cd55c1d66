package dev.bodega.messaging.internal;

import dev.bodega.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Files kept with messages (media_files): an agent's attachments, a channel's downloads. */
@Component
public class MediaFiles {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final String URL = "/messaging/media/";
    /** Message types that carry a file. */
    public static final Set<String> TYPES = Set.of("image", "video", "audio", "document");

    public record Content(String contentType, String fileName, byte[] bytes) {
    }

    private final JdbcClient jdbc;

    MediaFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID store(UUID tenantId, String contentType, String fileName, byte[] bytes) {
        return store(tenantId, Ids.next(), contentType, fileName, bytes);
    }

    /** Under an id chosen before the bytes arrived (a channel's download, linked from its message already). */
    public UUID store(UUID tenantId, UUID id, String contentType, String fileName, byte[] bytes) {
        jdbc.sql("""
                        INSERT INTO media_files (tenant_id, id, content_type, file_name, size_bytes, sha256, content)
                        VALUES (:tenant, :id, :type, :name, :size, :sha, :content)""")
                .param("tenant", tenantId).param("id", id).param("type", contentType).param("name", fileName)
                .param("size", bytes.length).param("sha", sha256(bytes)).param("content", bytes).update();
        return id;
    }

    /** The file a message's {@code media_url} names when it is one of ours. */
    public static Optional<UUID> idOf(String mediaUrl) {
        if (mediaUrl == null || !mediaUrl.startsWith(URL)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(mediaUrl.substring(URL.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The message type a file is sent as: image, video or audio by its content type, else a document. */
    public static String typeOf(String contentType) {
        String kind = contentType == null ? "" : contentType.split("/")[0];
        return TYPES.contains(kind) ? kind : "document";
    }

    public Optional<Content> content(UUID id) {
        return jdbc.sql("SELECT content_type, file_name, content AS bytes FROM media_files WHERE id = :id")
                .param("id", id).query(Content.class).optional();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
