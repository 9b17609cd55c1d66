package dev.bodega.messaging.internal.scheduled;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Scheduled messages: written now, sent at their time through the conversation's channel. */
@RestController
@Tag(name = "Scheduled messages")
class ScheduledApiController {

    private final ScheduledMessages scheduled;

    ScheduledApiController(ScheduledMessages scheduled) {
        this.scheduled = scheduled;
    }

    @GetMapping("/api/v1/scheduled-messages")
    @RequiresPermission("messaging.read")
    CursorPage<ScheduledMessages.ScheduledView> list(@RequestParam(required = false) String status) {
        return new CursorPage<>(scheduled.list(status), null);
    }

    @GetMapping("/api/v1/scheduled-messages/{id}")
    @RequiresPermission("messaging.read")
    ScheduledMessages.ScheduledView get(@PathVariable UUID id) {
        return scheduled.get(id);
    }

    @PostMapping("/api/v1/scheduled-messages")
    @RequiresPermission("messaging.reply")
    @Operation(summary = "Schedule a message to a conversation (scheduledAt with its offset, in the future)")
    ResponseEntity<ScheduledMessages.ScheduledView> schedule(@Valid @RequestBody ScheduledMessages.ScheduleRequest request) {
        ScheduledMessages.ScheduledView created = scheduled.schedule(request);
        return ResponseEntity.created(URI.create("/api/v1/scheduled-messages/" + created.id())).body(created);
    }

    @PostMapping("/api/v1/scheduled-messages/{id}/cancel")
    @RequiresPermission("messaging.reply")
    ScheduledMessages.ScheduledView cancel(@PathVariable UUID id) {
        return scheduled.cancel(id);
    }
}
