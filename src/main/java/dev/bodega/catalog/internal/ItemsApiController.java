package dev.bodega.catalog.internal;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
            + " prefix) best match first; category includes its subcategories")
    CursorPage<Items.ItemView> list(@RequestParam(required = false) String q,
                                    @RequestParam(required = false) UUID category,
                                    @RequestParam(required = false) String kind,
                                    @RequestParam(required = false) String brand,
                                    @RequestParam(required = false) Boolean active,
                                    @RequestParam(required = false) Boolean discontinued,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) Integer limit) {
        return search.list(new ItemSearch.Filter(q, category, kind, brand, active, discontinued), cursor,
                CursorPage.clampLimit(limit));
    }

    @GetMapping("/{id}")
    @RequiresPermission("catalog.read")
    ResponseEntity<Items.ItemView> get(@PathVariable UUID id) {
        return withVersion(items.get(id));
    }

    @GetMapping("/by-barcode/{barcode}")
    @RequiresPermission("catalog.read")
    @Operation(summary = "The item with exactly this barcode (a scanner's lookup); 404 if none")
    ResponseEntity<Items.ItemView> byBarcode(@PathVariable String barcode) {
        return withVersion(items.byBarcode(barcode));
    }

    @PostMapping
    @RequiresPermission("catalog.write")
    @Operation(summary = "Create an item; 409 sku-taken, barcode-taken or max-items")
    ResponseEntity<Items.ItemView> create(@Valid @RequestBody ItemRequest request) {
        Items.ItemView created = items.create(request);
        return ResponseEntity.created(URI.create("/api/v1/items/" + created.id()))
                .eTag(Versions.etag(created.version())).body(created);
    }

    @PutMapping("/{id}")
    @RequiresPermission("catalog.write")
    @Operation(summary = "Replace an item's fields (If-Match required); price changes are kept in its price history")
    ResponseEntity<Items.ItemView> update(@PathVariable UUID id, @Valid @RequestBody ItemRequest request,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withVersion(items.update(id, Versions.fromIfMatch(ifMatch), request));
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
    CursorPage<Items.PriceChange> priceHistory(@PathVariable UUID id, @RequestParam(required = false) String cursor,
                                               @RequestParam(required = false) Integer limit) {
        return items.priceHistory(id, cursor, CursorPage.clampLimit(limit));
    }

    private static ResponseEntity<Items.ItemView> withVersion(Items.ItemView item) {
        return ResponseEntity.ok().eTag(Versions.etag(item.version())).body(item);
    }
}
