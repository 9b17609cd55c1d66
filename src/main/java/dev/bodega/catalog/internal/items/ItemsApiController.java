package dev.bodega.catalog.internal.items;

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

/** Items (products and parts). Edits carry the item's version: {@code If-Match: "<version>"}. */
@RestController
@RequestMapping("/api/v1/items")
@Tag(name = "Catalog")
class ItemsApiController {

    private final Items items;
    private final ItemSearch search;

    ItemsApiController(Items items, ItemSearch search) {
        this.items = items;
        this.search = search;
    }

    @GetMapping
    @RequiresPermission("catalog.read")
    @Operation(summary = "List items, newest first; q searches (Spanish full text, similar SKU or name, SKU or barcode"
            + " prefix) best match first; category includes its subcategories; model: items compatible with a vehicle"
            + " model")
    CursorPage<Items.ItemView> list(@RequestParam(required = false) String q,
                                    @RequestParam(required = false) UUID category,
                                    @RequestParam(required = false) String kind,
                                    @RequestParam(required = false) String brand,
                                    @RequestParam(required = false) Boolean active,
                                    @RequestParam(required = false) Boolean discontinued,
                                    @RequestParam(required = false) UUID model,
                                    PageQuery<String> page) {
        return search.list(new ItemSearch.Filter(q, category, kind, brand, active, discontinued, model), page.cursor(),
                page.limit());
    }

    @GetMapping("/{id}")
    @RequiresPermission("catalog.read")
    Versioned<Items.ItemView> get(@PathVariable UUID id) {
        return Versioned.of(items.get(id), Items.ItemView::version);
    }

    @GetMapping("/by-barcode/{barcode}")
    @RequiresPermission("catalog.read")
    @Operation(summary = "The item with exactly this barcode (a scanner's lookup); 404 if none")
    Versioned<Items.ItemView> byBarcode(@PathVariable String barcode) {
        return Versioned.of(items.byBarcode(barcode), Items.ItemView::version);
    }

    @PostMapping
    @RequiresPermission("catalog.write")
    @Operation(summary = "Create an item; 409 sku-taken, barcode-taken or max-items")
    ResponseEntity<Versioned<Items.ItemView>> create(@Valid @RequestBody ItemRequest request) {
        Items.ItemView created = items.create(request);
        return ResponseEntity.created(URI.create("/api/v1/items/" + created.id()))
                .body(Versioned.of(created, Items.ItemView::version));
    }

    @PutMapping("/{id}")
    @RequiresPermission("catalog.write")
    @Operation(summary = "Replace an item's fields (If-Match required); price changes are kept in its price history")
    Versioned<Items.ItemView> update(@PathVariable UUID id, @Valid @RequestBody ItemRequest request, IfMatch ifMatch) {
        return Versioned.of(items.update(id, ifMatch.version(), request), Items.ItemView::version);
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("catalog.write")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an item (soft): its history stays, its SKU and barcode can be used again")
    void delete(@PathVariable UUID id) {
        items.delete(id);
    }

    @GetMapping("/{id}/price-history")
    @RequiresPermission("catalog.read")
    @Operation(summary = "The item's price changes, newest first, with who made them")
    CursorPage<Items.PriceChange> priceHistory(@PathVariable UUID id, PageQuery<String> page) {
        return items.priceHistory(id, page.cursor(), page.limit());
    }
}
