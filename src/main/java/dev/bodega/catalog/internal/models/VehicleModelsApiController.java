package dev.bodega.catalog.internal.models;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.IfMatch;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Vehicle models and their compatible items; {@code GET /api/v1/items?model=<id>} searches the catalog by model. */
@RestController
@Tag(name = "Catalog")
class VehicleModelsApiController {

    private final VehicleModels models;

    VehicleModelsApiController(VehicleModels models) {
        this.models = models;
    }

    @GetMapping("/api/v1/vehicle-models")
    @RequiresPermission("catalog.read")
    @Operation(summary = "Vehicle models by name, each with how many items fit it")
    CursorPage<VehicleModels.Model> list() {
        return new CursorPage<>(models.all(), null);
    }

    @GetMapping("/api/v1/vehicle-models/{id}")
    @RequiresPermission("catalog.read")
    Versioned<VehicleModels.Model> get(@PathVariable UUID id) {
        return Versioned.of(models.get(id), VehicleModels.Model::version);
    }

    @PostMapping("/api/v1/vehicle-models")
    @RequiresPermission("catalog.write")
    @Operation(summary = "Create a vehicle model; 409 vehicle-model-name-taken")
    ResponseEntity<Versioned<VehicleModels.Model>> create(@Valid @RequestBody VehicleModels.ModelRequest request) {
        VehicleModels.Model created = models.create(request);
        return ResponseEntity.created(URI.create("/api/v1/vehicle-models/" + created.id()))
                .body(Versioned.of(created, VehicleModels.Model::version));
    }

    @PutMapping("/api/v1/vehicle-models/{id}")
    @RequiresPermission("catalog.write")
    @Operation(summary = "Edit a vehicle model (If-Match required)")
    Versioned<VehicleModels.Model> update(@PathVariable UUID id, @Valid @RequestBody VehicleModels.ModelRequest request,
                                          IfMatch ifMatch) {
        return Versioned.of(models.update(id, ifMatch.version(), request), VehicleModels.Model::version);
    }

    @DeleteMapping("/api/v1/vehicle-models/{id}")
    @RequiresPermission("catalog.write")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a vehicle model and its compatibilities; 409 vehicle-model-in-use while orders name it")
    void delete(@PathVariable UUID id) {
        models.delete(id);
    }

    @GetMapping("/api/v1/vehicle-models/{id}/items")
    @RequiresPermission("catalog.read")
    @Operation(summary = "The items compatible with the model, by SKU")
    CursorPage<VehicleModels.CompatibleItem> items(@PathVariable UUID id) {
        return new CursorPage<>(models.items(id), null);
    }

    @PutMapping("/api/v1/vehicle-models/{id}/items/{itemId}")
    @RequiresPermission("catalog.write")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark the item compatible with the model")
    void markCompatible(@PathVariable UUID id, @PathVariable UUID itemId) {
        models.markCompatible(id, itemId);
    }

    @DeleteMapping("/api/v1/vehicle-models/{id}/items/{itemId}")
    @RequiresPermission("catalog.write")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The item no longer counts as compatible with the model")
    void unmarkCompatible(@PathVariable UUID id, @PathVariable UUID itemId) {
        models.unmarkCompatible(id, itemId);
    }

    @GetMapping("/api/v1/items/{id}/vehicle-models")
    @RequiresPermission("catalog.read")
    @Operation(summary = "The vehicle models the item fits")
    CursorPage<VehicleModels.Model> ofItem(@PathVariable UUID id) {
        return new CursorPage<>(models.ofItem(id), null);
    }
}
