package dev.bodega.sales.internal.customers;

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

/** Customers; edits carry the customer's version ({@code If-Match}). */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
class CustomersApiController {

    private final Customers customers;

    CustomersApiController(Customers customers) {
        this.customers = customers;
    }

    @GetMapping
    @RequiresPermission("customers.read")
    @Operation(summary = "List customers, newest first; q searches name, document number, email and phone")
    CursorPage<Customers.CustomerView> list(@RequestParam(required = false) String q,
                                            @RequestParam(required = false) Boolean active,
                                            PageQuery<UUID> page) {
        return customers.list(q, active, page.cursor(), page.limit());
    }

    @GetMapping("/{id}")
    @RequiresPermission("customers.read")
    Versioned<Customers.CustomerView> get(@PathVariable UUID id) {
        return Versioned.of(customers.get(id), Customers.CustomerView::version);
    }

    @PostMapping
    @RequiresPermission("customers.write")
    ResponseEntity<Versioned<Customers.CustomerView>> create(@Valid @RequestBody Customers.CustomerForm form) {
        Customers.CustomerView created = customers.create(form);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id()))
                .body(Versioned.of(created, Customers.CustomerView::version));
    }

    @PutMapping("/{id}")
    @RequiresPermission("customers.write")
    @Operation(summary = "Edit a customer (If-Match required); purchase totals are not editable")
    Versioned<Customers.CustomerView> update(@PathVariable UUID id, @Valid @RequestBody Customers.CustomerForm form,
                                             IfMatch ifMatch) {
        return Versioned.of(customers.update(id, ifMatch.version(), form), Customers.CustomerView::version);
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("customers.write")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a customer (soft): their sales stay, their document number becomes free")
    void delete(@PathVariable UUID id) {
        customers.delete(id);
    }

    @GetMapping("/{id}/sales")
    @RequiresPermission("customers.read")
    @Operation(summary = "The customer's completed sales, newest first (purchase history)")
    CursorPage<Customers.PurchaseView> sales(@PathVariable UUID id, PageQuery<UUID> page) {
        return customers.purchases(id, page.cursor(), page.limit());
    }
}
