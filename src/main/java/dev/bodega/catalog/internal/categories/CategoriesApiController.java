package dev.bodega.catalog.internal.categories;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.IfMatch;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
    Versioned<Categories.CategoryView> get(@PathVariable UUID id) {
        return Versioned.of(categories.get(id), Categories.CategoryView::version);
    }

    @PostMapping
    @RequiresPermission("catalog.write")
    @Operation(summary = "Create a category, at the root or under an active parent")
    ResponseEntity<Versioned<Categories.CategoryView>> create(@Valid @RequestBody Categories.CategoryRequest request) {
        Categories.CategoryView created = categories.create(request);
        return ResponseEntity.created(URI.create("/api/v1/categories/" + created.id()))
                .body(Versioned.of(created, Categories.CategoryView::version));
    }

    @PutMapping("/{id}")
    @RequiresPermission("catalog.write")
    @Operation(summary = "Rename, move (parentId) or (de)activate (If-Match required); a move under its own"
            + " subcategory is a 409 category-cycle")
    Versioned<Categories.CategoryView> update(@PathVariable UUID id,
                                              @Valid @RequestBody Categories.CategoryRequest request, IfMatch ifMatch) {
        return Versioned.of(categories.update(id, ifMatch.version(), request), Categories.CategoryView::version);
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("catalog.write")
    @Operation(summary = "Deactivate the category and its subtree (If-Match required); categories are never deleted,"
            + " items keep theirs")
    Versioned<Categories.CategoryView> deactivate(@PathVariable UUID id, IfMatch ifMatch) {
        return Versioned.of(categories.deactivate(id, ifMatch.version()), Categories.CategoryView::version);
    }
}
