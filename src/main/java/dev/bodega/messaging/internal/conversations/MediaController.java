package dev.bodega.messaging.internal.conversations;

import dev.bodega.messaging.internal.MediaFiles;
import dev.bodega.messaging.internal.MessagingProblem;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Base64;
import java.util.UUID;

/** Attachments: uploaded for a reply (then sent with its {@code mediaUrl}), served to the company's readers only. */
@RestController
@Tag(name = "Conversations")
class MediaController {

    record Upload(@NotBlank @Size(max = 255) String contentType, @Size(max = 255) String fileName,
                  @NotBlank String base64) {
    }

    record Stored(UUID id, String url) {
    }

    private final MediaFiles media;

    MediaController(MediaFiles media) {
        this.media = media;
    }

    @PostMapping("/api/v1/inbox/media")
    @RequiresPermission("messaging.reply")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Keep a file (base64, up to 5 MB) to attach to a reply")
    @Transactional
    Stored upload(@Valid @RequestBody Upload upload) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(upload.base64());
        } catch (IllegalArgumentException e) {
            throw Problems.of(MessagingProblem.CHANNEL_REFUSED, "The file is not valid base64");
        }
        if (bytes.length > MediaFiles.MAX_BYTES) {
            throw Problems.of(MessagingProblem.CHANNEL_REFUSED, "The file is larger than 5 MB");
        }
        UUID id = media.store(TenantContext.tenantId(), upload.contentType(), upload.fileName(), bytes);
        return new Stored(id, MediaFiles.URL + id);
    }

    @GetMapping("/messaging/media/{id}")
    @RequiresPermission("messaging.read")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        MediaFiles.Content content = media.content(id).orElseThrow(() -> new NotFoundException("File"));
        MediaType type;
        try {
            type = MediaType.parseMediaType(content.contentType());
        } catch (IllegalArgumentException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        // Never rendered as a page of ours: an "image" could be HTML.
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(content.fileName() == null ? id.toString() : content.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", "sandbox")
                .body(content.bytes());
    }
}
