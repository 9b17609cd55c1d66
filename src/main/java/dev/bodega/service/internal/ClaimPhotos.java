package dev.bodega.service.internal;

import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.service.internal.ClaimViews.PhotoView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Evidence photos of a claim, kept in the database (row-level security keeps them to their company) and served
 * only through the application. An upload is an image by its first bytes (JPEG, PNG, GIF or WebP), whatever it
 * says it is, no larger than {@code bodega.service.photo-max-bytes}; a claim holds at most {@link #MAX_PER_CLAIM}.
 */
@Service
class ClaimPhotos {

    static final int MAX_PER_CLAIM = 5;

    record Photo(String contentType, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final WarrantyClaims claims;
    private final long maxBytes;

    ClaimPhotos(JdbcClient jdbc, WarrantyClaims claims, @Value("${bodega.service.photo-max-bytes:5242880}") long maxBytes) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** A claim filed from the page with its first photo, if one was chosen: one transaction, both or neither. */
    @Transactional
    public UUID fileWith(WarrantyClaims.ClaimRequest request, MultipartFile photo) {
        UUID id = claims.create(request, null).id();
        if (photo != null && !photo.isEmpty()) {
            add(id, photo);
        }
        return id;
    }

    @Transactional
    public PhotoView add(UUID claimId, MultipartFile file) {
        int photos = claims.get(claimId).photos().size();
        byte[] content = image(file);
        String type = ImageTypes.of(content).orElseThrow();
        if (photos >= MAX_PER_CLAIM) {
            throw Problems.of(ServiceProblem.TOO_MANY_PHOTOS, "A claim keeps at most " + MAX_PER_CLAIM + " photos");
        }
        UUID id = Ids.next();
        String name = file.getOriginalFilename() == null ? null
                : file.getOriginalFilename().substring(0, Math.min(200, file.getOriginalFilename().length()));
        jdbc.sql("""
                        INSERT INTO warranty_claim_photos (tenant_id, id, claim_id, content_type, size_bytes, content,
                                                           file_name, uploaded_by)
                        VALUES (:tenant, :id, :claim, :type, :size, :content, :name, :user)""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("claim", claimId)
                .param("type", type).param("size", content.length).param("content", content)
                .param("name", name).param("user", TenantContext.userId().orElse(null))
                .update();
        return claims.get(claimId).photos().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** The upload's bytes, once they are known to be an image within the size limit. */
    private byte[] image(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw Problems.of(ServiceProblem.PHOTO_MISSING, "Send the photo as the multipart part \"file\"");
        }
        if (file.getSize() > maxBytes) {
            throw Problems.of(ServiceProblem.PHOTO_TOO_LARGE, "A photo is at most " + maxBytes + " bytes; this one is "
                    + file.getSize());
        }
        byte[] content = bytes(file);
        if (ImageTypes.of(content).isEmpty()) {
            throw Problems.of(ServiceProblem.PHOTO_NOT_IMAGE, "Only JPEG, PNG, GIF or WebP images are kept as evidence");
        }
        return content;
    }

    @Transactional(readOnly = true)
    public Photo get(UUID claimId, UUID photoId) {
        return jdbc.sql("SELECT content_type, content FROM warranty_claim_photos WHERE claim_id = :claim AND id = :id")
                .param("claim", claimId).param("id", photoId)
                .query((rs, n) -> new Photo(rs.getString("content_type"), rs.getBytes("content"))).optional()
                .orElseThrow(() -> new NotFoundException("Photo"));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
