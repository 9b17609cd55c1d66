package dev.bodega.platform.internal.partners;

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

/** Partner organizations; an edit carries the organization's version in {@code If-Match}. */
@RestController
@Tag(name = "Partners")
class OrganizationsApiController {

    private final PartnerOrganizations organizations;

    OrganizationsApiController(PartnerOrganizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/api/v1/organizations")
    @RequiresPermission("partners.read")
    @Operation(summary = "List partner organizations, newest first; q searches name and contact, type filters")
    CursorPage<PartnerOrganizations.OrganizationView> list(@RequestParam(required = false) String q,
                                                           @RequestParam(required = false) String type,
                                                           PageQuery<UUID> page) {
        return organizations.list(q, type, page.cursor(), page.limit());
    }

    @GetMapping("/api/v1/organizations/hierarchy")
    @RequiresPermission("partners.read")
    @Operation(summary = "Every organization with its level under its root, each after its parent (one page)")
    CursorPage<PartnerOrganizations.HierarchyRow> hierarchy() {
        return new CursorPage<>(organizations.hierarchy(), null);
    }

    @GetMapping("/api/v1/organizations/{id}")
    @RequiresPermission("partners.read")
    Versioned<PartnerOrganizations.OrganizationView> get(@PathVariable UUID id) {
        return Versioned.of(organizations.get(id), PartnerOrganizations.OrganizationView::version);
    }

    @GetMapping("/api/v1/organizations/{id}/children")
    @RequiresPermission("partners.read")
    @Operation(summary = "The organizations directly under this one, by name (one page)")
    CursorPage<PartnerOrganizations.OrganizationView> children(@PathVariable UUID id) {
        return new CursorPage<>(organizations.children(id), null);
    }

    @PostMapping("/api/v1/organizations")
    @RequiresPermission("partners.write")
    ResponseEntity<Versioned<PartnerOrganizations.OrganizationView>> create(
            @Valid @RequestBody PartnerOrganizations.OrganizationRequest request) {
        PartnerOrganizations.OrganizationView created = organizations.create(request);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id()))
                .body(Versioned.of(created, PartnerOrganizations.OrganizationView::version));
    }

    @PutMapping("/api/v1/organizations/{id}")
    @RequiresPermission("partners.write")
    @Operation(summary = "Replace an organization's fields (If-Match required)")
    Versioned<PartnerOrganizations.OrganizationView> update(
            @PathVariable UUID id, @Valid @RequestBody PartnerOrganizations.OrganizationRequest request, IfMatch ifMatch) {
        return Versioned.of(organizations.update(id, ifMatch.version(), request),
                PartnerOrganizations.OrganizationView::version);
    }

    @DeleteMapping("/api/v1/organizations/{id}")
    @RequiresPermission("partners.write")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an organization nothing belongs to")
    void delete(@PathVariable UUID id) {
        organizations.delete(id);
    }
}
