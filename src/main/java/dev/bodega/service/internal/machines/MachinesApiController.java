package dev.bodega.service.internal.machines;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.IfMatch;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Customers' machines and their readings; an edit carries the machine's version in {@code If-Match}. */
@RestController
@Tag(name = "Machines")
class MachinesApiController {

    private final Machines machines;

    MachinesApiController(Machines machines) {
        this.machines = machines;
    }

    @GetMapping("/api/v1/machines")
    @RequiresPermission("machines.read")
    @Operation(summary = "List machines, newest first; q searches serial, name and model")
    CursorPage<Machines.MachineView> list(@RequestParam(required = false) String q,
                                          @RequestParam(required = false) UUID organizationId,
                                          @RequestParam(required = false) String status, PageQuery<UUID> page) {
        return machines.list(q, organizationId, status, page.cursor(), page.limit());
    }

    @GetMapping("/api/v1/machines/{id}")
    @RequiresPermission("machines.read")
    Versioned<Machines.MachineView> get(@PathVariable UUID id) {
        return Versioned.of(machines.get(id), Machines.MachineView::version);
    }

    @PostMapping("/api/v1/machines")
    @RequiresPermission("machines.manage")
    @Operation(summary = "Register a machine of a customer organization (serial unique)")
    ResponseEntity<Versioned<Machines.MachineView>> register(@Valid @RequestBody Machines.MachineRequest request) {
        Machines.MachineView created = machines.register(request);
        return ResponseEntity.created(URI.create("/api/v1/machines/" + created.id()))
                .body(Versioned.of(created, Machines.MachineView::version));
    }

    @PutMapping("/api/v1/machines/{id}")
    @RequiresPermission("machines.manage")
    @Operation(summary = "Replace a machine's fields (If-Match required)")
    Versioned<Machines.MachineView> update(@PathVariable UUID id, @Valid @RequestBody Machines.MachineRequest request,
                                           IfMatch ifMatch) {
        return Versioned.of(machines.update(id, ifMatch.version(), request), Machines.MachineView::version);
    }

    @GetMapping("/api/v1/machines/{id}/readings")
    @RequiresPermission("machines.read")
    @Operation(summary = "The machine's hours and counter readings, newest first (one page)")
    CursorPage<Machines.ReadingView> readings(@PathVariable UUID id) {
        return new CursorPage<>(machines.readings(id), null);
    }

    @PostMapping("/api/v1/machines/{id}/readings")
    @RequiresPermission("machines.manage")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an hours or counter reading (now, unless readAt dates it)")
    Machines.ReadingView addReading(@PathVariable UUID id, @Valid @RequestBody Machines.ReadingRequest request) {
        return machines.addReading(id, request);
    }
}
