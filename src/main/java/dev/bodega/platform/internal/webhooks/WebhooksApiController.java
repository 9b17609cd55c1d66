package dev.bodega.platform.internal.webhooks;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.IfMatch;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Outgoing webhook endpoints, their delivery log and replays (seed 002 webhooks). */
@RestController
@RequestMapping("/api/v1/webhooks")
@RequiresPermission("webhooks.manage")
@Tag(name = "Webhooks")
class WebhooksApiController {

    private final Endpoints endpoints;
    private final Deliveries deliveries;

    WebhooksApiController(Endpoints endpoints, Deliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @GetMapping("/event-types")
    @Operation(summary = "The event types an endpoint may subscribe to")
    List<String> eventTypes() {
        return EventTypes.ALL;
    }

    @GetMapping
    CursorPage<Endpoints.Endpoint> list(PageQuery<UUID> page) {
        return endpoints.list(page.cursor(), page.limit());
    }

    @PostMapping
    @Operation(summary = "Create an endpoint; its signing secret (whsec_...) is in this response only")
    ResponseEntity<Endpoints.WithSecret> create(@RequestBody Endpoints.Settings settings) {
        Endpoints.WithSecret created = endpoints.create(settings);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.endpoint().id()))
                .eTag("\"" + created.endpoint().version() + "\"").body(created);
    }

    @GetMapping("/{id}")
    Versioned<Endpoints.Endpoint> get(@PathVariable UUID id) {
        return Versioned.of(endpoints.get(id), Endpoints.Endpoint::version);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an endpoint (If-Match); active=true switches a disabled one back on")
    Versioned<Endpoints.Endpoint> update(@PathVariable UUID id, @RequestBody Endpoints.Settings settings,
                                         IfMatch ifMatch) {
        return Versioned.of(endpoints.update(id, ifMatch.version(), settings), Endpoints.Endpoint::version);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        endpoints.delete(id);
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "A new signing secret (in this response only); the previous one also signs for 24 h")
    Endpoints.WithSecret rotate(@PathVariable UUID id) {
        return endpoints.rotate(id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The endpoint's deliveries, newest first")
    CursorPage<Deliveries.Delivery> deliveries(@PathVariable UUID id, PageQuery<UUID> page) {
        return deliveries.list(id, page.cursor(), page.limit());
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "A delivery with its body and every attempt: headers sent, status, response (truncated)")
    Deliveries.Detail delivery(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        return deliveries.get(id, deliveryId);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a delivery's event again, as a new delivery")
    Deliveries.Delivery replay(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        return deliveries.replay(id, deliveryId);
    }
}
