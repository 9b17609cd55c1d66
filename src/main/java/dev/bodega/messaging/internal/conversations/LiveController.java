package dev.bodega.messaging.internal.conversations;

import dev.bodega.messaging.internal.LiveEvents;
import dev.bodega.platform.Actor;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The inbox's live stream (Server-Sent Events) for the agent's page and API clients: events of the caller's company
 * only, and only while the caller may read the inbox.
 */
@RestController
@Tag(name = "Conversations")
class LiveController {

    private final LiveEvents live;

    LiveController(LiveEvents live) {
        this.live = live;
    }

    @GetMapping(path = {"/api/v1/inbox/live", "/inbox/live"}, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @RequiresPermission("messaging.read")
    @Operation(summary = "Server-Sent Events: message, status and conversation changes of the caller's company")
    SseEmitter stream() {
        Actor actor = Actor.require();
        return live.open(actor.tenantId(), event -> actor.can("messaging.read"));
    }
}
