package dev.bodega.service.internal;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored photo as an answer: its sniffed type, private to the signed-in user, never re-sniffed by a browser. */
final class PhotoResponses {

    private PhotoResponses() {
    }

    static ResponseEntity<byte[]> of(ClaimPhotos.Photo photo) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(photo.content());
    }
}
