package dev.bodega.catalog.internal.suppliers;

import dev.bodega.catalog.internal.ItemSuppliers;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Suppliers, and which suppliers supply an item. Supplier edits carry its version in {@code If-Match}. */
@RestController
@Tag(name = "Catalog")
class SuppliersApiController {

    private final Suppliers suppliers;
    private final ItemSuppliers links;

    SuppliersApiController(Suppliers suppliers, ItemSuppliers links) {
        this.suppliers = suppliers;
        this.links = links;
    }

    @GetMapping("/api/v1/suppliers")
    @RequiresPermission("catalog.read")
    @Operation(summary = "List suppliers, newest first; q searches name, tax id, contact and email")
    CursorPage<Suppliers.SupplierView> list(@RequestParam(required = false) String q,
                                            @RequestParam(required = false) Boolean active,
                                            PageQuery<UUID> page) {
        return suppliers.list(q, active, page.cursor(), page.limit());
    }

    @GetMapping("/api/v1/suppliers/{id}")
    @RequiresPermission("catalog.read")
    Versioned<Suppliers.SupplierView> get(@PathVariable UUID id) {
        return Versioned.of(suppliers.get(id), Suppliers.SupplierView::version);
    }

    @PostMapping("/api/v1/suppliers")
    @RequiresPermission("catalog.write")
    ResponseEntity<Versioned<Suppliers.SupplierView>> create(@Valid @RequestBody Suppliers.SupplierRequest request) {
        Suppliers.SupplierView created = suppliers.create(request);
        return ResponseEntity.created(URI.create("/api/v1/suppliers/" + created.id()))
                .body(Versioned.of(created, Suppliers.SupplierView::version));
    }

    @PutMapping("/api/v1/suppliers/{id}")
    @RequiresPermission("catalog.write")
    @Operation(summary = "Replace a supplier's fields (If-Match required)")
    Versioned<Suppliers.SupplierView> update(@PathVariable UUID id, @Valid @RequestBody Suppliers.SupplierRequest request,
                                             IfMatch ifMatch) {
        return Versioned.of(suppliers.update(id, ifMatch.version(), request), Suppliers.SupplierView::version);
    }

    @DeleteMapping("/api/v1/suppliers/{id}")
    @RequiresPermission("catalog.write")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a supplier (soft); its links to items are removed")
    void delete(@PathVariable UUID id) {
        suppliers.delete(id);
    }

    @GetMapping("/api/v1/items/{id}/suppliers")
    @RequiresPermission("catalog.read")
    @Operation(summary = "The item's suppliers, the preferred one first (one page)")
    CursorPage<ItemSuppliers.Link> itemSuppliers(@PathVariable UUID id) {
        return new CursorPage<>(links.of(id), null);
    }

    @PutMapping("/api/v1/items/{id}/suppliers/{supplierId}")
    @RequiresPermission("catalog.write")
    @Operation(summary = "Link a supplier to the item, or change the link (supplier code, last price, lead time,"
            + " preferred)")
    ItemSuppliers.Link link(@PathVariable UUID id, @PathVariable UUID supplierId,
                            @Valid @RequestBody ItemSuppliers.LinkRequest request) {
        return links.put(id, supplierId, request);
    }

    @DeleteMapping("/api/v1/items/{id}/suppliers/{supplierId}")
    @RequiresPermission("catalog.write")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@PathVariable UUID id, @PathVariable UUID supplierId) {
        links.remove(id, supplierId);
    }
}
