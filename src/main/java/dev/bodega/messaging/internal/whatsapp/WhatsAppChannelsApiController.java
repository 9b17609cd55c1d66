package dev.bodega.messaging.internal.whatsapp;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** WhatsApp Cloud API channels: set one up with its Meta credentials (kept encrypted, never shown again). */
@RestController
@Tag(name = "WhatsApp channels")
class WhatsAppChannelsApiController {

    /**
     * @param phoneNumberId the business number's id in Meta's dashboard (digits), not the number itself
     * @param verifyToken   the handshake's token to type into Meta's dashboard; blank: Bodega makes one
     */
    record ChannelRequest(@NotBlank @Size(max = 255) String name,
                          @NotBlank @Pattern(regexp = "\\d{1,40}") String phoneNumberId,
                          @Size(max = 40) String displayPhoneNumber,
                          @NotBlank @Size(max = 1000) String accessToken,
                          @NotBlank @Size(max = 255) String appSecret,
                          @Size(min = 8, max = 255) String verifyToken) {
    }

    private final WhatsAppChannels channels;

    WhatsAppChannelsApiController(WhatsAppChannels channels) {
        this.channels = channels;
    }

    @GetMapping("/api/v1/messaging/whatsapp/channels")
    @RequiresPermission(WhatsAppSetupPageController.PERMISSION)
    @Operation(summary = "The company's WhatsApp channels, with the webhook URL to give Meta (no secrets)")
    CursorPage<WhatsAppChannels.Channel> list() {
        return new CursorPage<>(channels.list(), null);
    }

    @PostMapping("/api/v1/messaging/whatsapp/channels")
    @RequiresPermission(WhatsAppSetupPageController.PERMISSION)
    @Operation(summary = "Add a WhatsApp channel; the answer holds the verify token once (409 when the name or the"
            + " phone number id is taken)")
    ResponseEntity<WhatsAppChannels.Created> create(@Valid @RequestBody ChannelRequest request) {
        WhatsAppChannels.Created created = channels.create(new WhatsAppChannels.NewChannel(request.name(),
                request.phoneNumberId(), request.displayPhoneNumber(), request.accessToken(), request.appSecret(),
                request.verifyToken()));
        return ResponseEntity.created(URI.create("/api/v1/messaging/whatsapp/channels/" + created.channel().id()))
                .body(created);
    }
}
