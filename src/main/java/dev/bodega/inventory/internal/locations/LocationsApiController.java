package dev.bodega.inventory.internal.locations;

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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Locations and who works at each. Edits carry the location's version: {@code If-Match: "<version>"}. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Locations")
class LocationsApiController {

    private final Locations locations;

    LocationsApiController(Locations locations) {
        this.locations = locations;
    }

    @GetMapping("/locations")
    @RequiresPermission("inventory.read")
    @Operation(summary = "List locations, newest first; q searches name and address; organizationId: a partner's warehouses")
    CursorPage<Locations.LocationView> list(@RequestParam(required = false) String q,
                                            @RequestParam(required = false) Boolean active,
                                            @RequestParam(required = false) String kind,
                                            @RequestParam(required = false) UUID organizationId,
                                            PageQuery<UUID> page) {
        return locations.list(new Locations.Filter(q, active, kind, organizationId), page.cursor(), page.limit());
    }

    @GetMapping("/locations/{id}")
    @RequiresPermission("inventory.read")
    Versioned<Locations.LocationView> get(@PathVariable UUID id) {
        return Versioned.of(locations.get(id), Locations.LocationView::version);
    }

    @PostMapping("/locations")
    @RequiresPermission("inventory.manage")
    @Operation(summary = "Create a warehouse, workshop or store (name unique; within the plan's location limit);"
            + " organizationId makes it a partner organization's warehouse")
    ResponseEntity<Versioned<Locations.LocationView>> create(@Valid @RequestBody Locations.LocationInput input) {
        Locations.LocationView created = locations.create(input);
        return ResponseEntity.created(URI.create("/api/v1/locations/" + created.id()))
                .body(Versioned.of(created, Locations.LocationView::version));
    }

    @PutMapping("/locations/{id}")
    @RequiresPermission("inventory.manage")
    @Operation(summary = "Edit a location (If-Match required); active=false deactivates it")
    Versioned<Locations.LocationView> update(@PathVariable UUID id, @Valid @RequestBody Locations.LocationInput input,
                                             IfMatch ifMatch) {
        return Versioned.of(locations.update(id, ifMatch.version(), input), Locations.LocationView::version);
    }

    @DeleteMapping("/locations/{id}")
    @RequiresPermission("inventory.manage")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deactivate a location: it keeps its history and takes no more postings (refused while it holds stock)")
    void deactivate(@PathVariable UUID id) {
        locations.deactivate(id);
    }

    @GetMapping("/locations/{id}/users")
    @RequiresPermission("inventory.read")
    @Operation(summary = "The users assigned to the location")
    CursorPage<Locations.UserRef> users(@PathVariable UUID id) {
        return new CursorPage<>(locations.users(id), null);
    }

    @PutMapping("/locations/{id}/users")
    @RequiresPermission("inventory.manage")
    @Operation(summary = "Set exactly which users are assigned to the location")
    CursorPage<Locations.UserRef> setUsers(@PathVariable UUID id, @Valid @RequestBody Locations.Assignment assignment) {
        return new CursorPage<>(locations.setUsers(id, assignment.userIds()), null);
    }

    @GetMapping("/users/{id}/locations")
    @RequiresPermission("inventory.read")
    @Operation(summary = "The locations a user is assigned to")
    CursorPage<Locations.LocationView> ofUser(@PathVariable UUID id) {
        return new CursorPage<>(locations.ofUser(id), null);
    }
}
