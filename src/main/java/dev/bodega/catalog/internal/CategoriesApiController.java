package dev.bodega.catalog.internal;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** The category tree. Edits carry the category's version: {@code If-Match: "<version>"}. */
@RestController
@RequestMapping("/api/v1/categories")
@Tag(name = "Catalog")
class CategoriesApiController {

    private final Categories categories;

    CategoriesApiController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping
    @RequiresPermission("catalog.read")
    @Operation(summary = "The whole tree as one page, flat, in tree order: each category with parentId, path and depth")
    CursorPage<Categories.CategoryView> tree(@RequestParam(required = false) Boolean active) {
        return new CursorPage<>(categories.tree(active), null);
    }

    @GetMapping("/{id}")
    @RequiresPermission("catalog.read")
    ResponseEntity<Categories.CategoryView> get(@PathVariable UUID id) {
        return withVersion(categories.get(id));
    }

    @PostMapping
    @RequiresPermission("catalog.write")
    @Operation(summary = "Create a category, at the root or under an active parent")
    ResponseEntity<Categories.CategoryView> create(@Valid @RequestBody Categories.CategoryRequest request) {
        Categories.CategoryView created = categories.create(request);
        return ResponseEntity.created(URI.create("/api/v1/categories/" + created.id()))
                .eTag(Versions.etag(created.version())).body(created);
    }

    @PutMapping("/{id}")
    @RequiresPermission("catalog.write")
    @Operation(summary = "Rename, move (parentId) or (de)activate (If-Match required); a move under its own"
            + " subcategory is a 409 category-cycle")
    ResponseEntity<Categories.CategoryView> update(@PathVariable UUID id,
                                                   @Valid @RequestBody Categories.CategoryRequest request,
                                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withVersion(categories.update(id, Versions.fromIfMatch(ifMatch), request));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("catalog.write")
    @Operation(summary = "Deactivate the category and its subtree (If-Match required); categories are never deleted,"
            + " items keep theirs")
    ResponseEntity<Categories.CategoryView> deactivate(@PathVariable UUID id,
                                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withVersion(categories.deactivate(id, Versions.fromIfMatch(ifMatch)));
    }

    private static ResponseEntity<Categories.CategoryView> withVersion(Categories.CategoryView category) {
        return ResponseEntity.ok().eTag(Versions.etag(category.version())).body(category);
    }
}
