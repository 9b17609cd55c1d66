package dev.bodega.platform.internal.identity;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Roles: named permission sets. Edits carry the role's version: {@code If-Match: "<version>"}. */
@RestController
@RequestMapping("/api/v1/roles")
@Tag(name = "Roles")
class RolesApiController {

    private final RoleAdmin roles;

    RolesApiController(RoleAdmin roles) {
        this.roles = roles;
    }

    @GetMapping
    @RequiresPermission("roles.read")
    @Operation(summary = "List roles, newest first")
    CursorPage<RoleAdmin.RoleView> list(PageQuery<UUID> page) {
        return roles.list(page.cursor(), page.limit());
    }

    @GetMapping("/{id}")
    @RequiresPermission("roles.read")
    Versioned<RoleAdmin.RoleView> get(@PathVariable UUID id) {
        return Versioned.of(roles.get(id), RoleAdmin.RoleView::version);
    }

    @PostMapping
    @RequiresPermission("roles.write")
    @Operation(summary = "Create a role; permissions are patterns such as 'sales.*' or 'inventory.read'")
    ResponseEntity<Versioned<RoleAdmin.RoleView>> create(@Valid @RequestBody RoleAdmin.RoleInput input) {
        RoleAdmin.RoleView created = roles.create(input);
        return ResponseEntity.created(URI.create("/api/v1/roles/" + created.id()))
                .body(Versioned.of(created, RoleAdmin.RoleView::version));
    }

    @PutMapping("/{id}")
    @RequiresPermission("roles.write")
    @Operation(summary = "Edit a role (If-Match required); built-in roles keep their name")
    Versioned<RoleAdmin.RoleView> update(@PathVariable UUID id, @Valid @RequestBody RoleAdmin.RoleInput input,
                                         IfMatch ifMatch) {
        return Versioned.of(roles.update(id, ifMatch.version(), input), RoleAdmin.RoleView::version);
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("roles.write")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a role no user holds; built-in roles cannot be deleted")
    void delete(@PathVariable UUID id) {
        roles.delete(id);
    }
}
