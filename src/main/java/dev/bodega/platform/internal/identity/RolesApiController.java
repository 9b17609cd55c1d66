package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Versions;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.RequiresPermission;
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
    CursorPage<RoleAdmin.RoleView> list(@RequestParam(required = false) UUID cursor,
                                        @RequestParam(required = false) Integer limit) {
        return roles.list(cursor, CursorPage.clampLimit(limit));
    }

    @GetMapping("/{id}")
    @RequiresPermission("roles.read")
    ResponseEntity<RoleAdmin.RoleView> get(@PathVariable UUID id) {
        return withVersion(roles.get(id));
    }

    @PostMapping
    @RequiresPermission("roles.write")
    @Operation(summary = "Create a role; permissions are patterns such as 'sales.*' or 'inventory.read'")
    ResponseEntity<RoleAdmin.RoleView> create(@Valid @RequestBody RoleAdmin.RoleInput input) {
        RoleAdmin.RoleView created = roles.create(input);
        return ResponseEntity.created(URI.create("/api/v1/roles/" + created.id()))
                .eTag(Versions.etag(created.version())).body(created);
    }

    @PutMapping("/{id}")
    @RequiresPermission("roles.write")
    @Operation(summary = "Edit a role (If-Match required); built-in roles keep their name")
    ResponseEntity<RoleAdmin.RoleView> update(@PathVariable UUID id, @Valid @RequestBody RoleAdmin.RoleInput input,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withVersion(roles.update(id, Versions.fromIfMatch(ifMatch), input));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("roles.write")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a role no user holds; built-in roles cannot be deleted")
    void delete(@PathVariable UUID id) {
        roles.delete(id);
    }

    private static ResponseEntity<RoleAdmin.RoleView> withVersion(RoleAdmin.RoleView role) {
        return ResponseEntity.ok().eTag(Versions.etag(role.version())).body(role);
    }
}
