package dev.bodega.platform.internal.webhooks;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/** The company's business events for analytics (seed 002 analytics_events). */
@RestController
@RequiresPermission("events.read")
@Tag(name = "Events")
class EventsApiController {

    private final AnalyticsEvents events;

    EventsApiController(AnalyticsEvents events) {
        this.events = events;
    }

    @GetMapping("/api/v1/events")
    @Operation(summary = "Business events, oldest first; type is one type or a family (sale.*); from inclusive, to "
            + "exclusive, on when the event was recorded (ISO-8601, e.g. 2026-01-31T00:00:00Z)")
    CursorPage<AnalyticsEvents.Event> list(@RequestParam(required = false) String type,
                                           @RequestParam(required = false) Instant from,
                                           @RequestParam(required = false) Instant to,
                                           PageQuery<UUID> page) {
        return events.list(new AnalyticsEvents.Query(type, from, to), page.cursor(), page.limit());
    }
}
