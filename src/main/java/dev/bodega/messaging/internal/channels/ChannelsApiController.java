package dev.bodega.messaging.internal.channels;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** The company's channels; web chat channels are created here (WhatsApp has its own setup). */
@RestController
@Tag(name = "Channels")
class ChannelsApiController {

    private final Channels channels;

    ChannelsApiController(Channels channels) {
        this.channels = channels;
    }

    @GetMapping("/api/v1/channels")
    @RequiresPermission("messaging.read")
    CursorPage<Channels.ChannelView> list() {
        return new CursorPage<>(channels.list(), null);
    }

    @GetMapping("/api/v1/channels/{id}")
    @RequiresPermission("messaging.read")
    Channels.ChannelView get(@PathVariable UUID id) {
        return channels.get(id);
    }

    @PostMapping("/api/v1/channels/web-chat")
    @RequiresPermission("messaging.manage")
    @Operation(summary = "Create a web chat channel; embed <script src=\"/js/webchat.js\" data-key=\"{publicKey}\"> on the shop's site")
    ResponseEntity<Channels.ChannelView> createWebChat(@Valid @RequestBody Channels.WebChatRequest request) {
        Channels.ChannelView created = channels.createWebChat(request);
        return ResponseEntity.created(URI.create("/api/v1/channels/" + created.id())).body(created);
    }
}
