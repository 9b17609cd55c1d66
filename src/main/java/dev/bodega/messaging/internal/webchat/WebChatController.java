package dev.bodega.messaging.internal.webchat;

import dev.bodega.messaging.internal.MediaFiles;
import dev.bodega.platform.PublicEndpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What the embedded web chat script calls, from the shop's own site (any origin, no cookies): send a message, read
 * the conversation, and listen for the shop's answers. An unknown key or visitor is a 404.
 */
@RestController
@PublicEndpoint
@CrossOrigin(origins = "*", allowCredentials = "false")
class WebChatController {

    record VisitorText(@NotBlank @Size(max = 64) String visitorId, @Size(max = 255) String name,
                       @Size(max = 255) String email, @NotBlank @Size(max = 4096) String text,
                       @Size(max = 100) String clientId) {
    }

    record Accepted(UUID id, boolean duplicate) {
    }

    private final WebChat chat;

    WebChatController(WebChat chat) {
        this.chat = chat;
    }

    @PostMapping("/webchat/{key}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted send(@PathVariable String key, @Valid @RequestBody VisitorText body) {
        var received = chat.send(key, body.visitorId(), body.name(), body.email(), body.text(), body.clientId());
        return new Accepted(received.messageId(), received.duplicate());
    }

    /** A file (an image or a document) from the visitor into their own conversation. */
    @PostMapping(path = "/webchat/{key}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Accepted sendFile(@PathVariable String key, @RequestParam String visitorId,
                      @RequestParam(required = false) @Size(max = 255) String name,
                      @RequestParam(required = false) @Size(max = 255) String email,
                      @RequestParam MultipartFile file) {
        var received = chat.sendFile(key, visitorId, name, email, new WebChat.VisitorFile(file.getOriginalFilename(),
                file.getContentType(), file.getSize(), () -> bytes(file)));
        return new Accepted(received.messageId(), received.duplicate());
    }

    @GetMapping("/webchat/{key}/messages")
    WebChat.Thread thread(@PathVariable String key, @RequestParam String visitorId) {
        return chat.thread(key, visitorId);
    }

    /** A file in the visitor's conversation (theirs or the shop's), as a download never run as a page of ours. */
    @GetMapping("/webchat/{key}/messages/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable String key, @PathVariable UUID id, @RequestParam String visitorId) {
        MediaFiles.Content file = chat.file(key, visitorId, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName() == null ? id.toString() : file.fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff").body(file.bytes());
    }

    @GetMapping(path = "/webchat/{key}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String key, @RequestParam String visitorId) {
        return chat.stream(key, visitorId);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
    }
}
