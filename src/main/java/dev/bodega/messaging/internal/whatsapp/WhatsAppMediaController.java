package dev.bodega.messaging.internal.whatsapp;

import dev.bodega.platform.RequiresPermission;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Duration;
import java.util.UUID;

/** The files customers sent, as kept: only to the company's users who may read the inbox; 404 while it is fetched. */
@Controller
@RequiresPermission("messaging.read")
class WhatsAppMediaController {

    private static final String PATH = "/messaging/whatsapp/media/";

    private final WhatsAppMedia media;

    WhatsAppMediaController(WhatsAppMedia media) {
        this.media = media;
    }

    static String url(UUID id) {
        return PATH + id;
    }

    @GetMapping(PATH + "{id}")
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        return media.content(id).map(content -> ResponseEntity.ok()
                        .contentType(mediaType(content.mimeType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                        // Never rendered as a page of ours: a customer's "image" could be HTML.
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                .filename(content.filename() == null ? id.toString() : content.filename())
                                .build().toString())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Security-Policy", "sandbox")
                        .body(content.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static MediaType mediaType(String mimeType) {
        try {
            return mimeType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(mimeType);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
