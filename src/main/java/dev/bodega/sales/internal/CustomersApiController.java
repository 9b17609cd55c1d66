package dev.bodega.sales.internal;

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
                                            @RequestParam(required = false) UUID cursor,
                                            @RequestParam(required = false) Integer limit) {
        return customers.list(q, active, cursor, CursorPage.clampLimit(limit));
    }

    @GetMapping("/{id}")
    @RequiresPermission("customers.read")
    ResponseEntity<Customers.CustomerView> get(@PathVariable UUID id) {
        return withVersion(customers.get(id));
    }

    @PostMapping
    @RequiresPermission("customers.write")
    ResponseEntity<Customers.CustomerView> create(@Valid @RequestBody Customers.CustomerForm form) {
        Customers.CustomerView created = customers.create(form);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id()))
                .eTag(Versions.etag(created.version())).body(created);
    }

    @PutMapping("/{id}")
    @RequiresPermission("customers.write")
    @Operation(summary = "Edit a customer (If-Match required); purchase totals are not editable")
    ResponseEntity<Customers.CustomerView> update(@PathVariable UUID id, @Valid @RequestBody Customers.CustomerForm form,
                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withVersion(customers.update(id, Versions.fromIfMatch(ifMatch), form));
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
    CursorPage<Customers.PurchaseView> sales(@PathVariable UUID id, @RequestParam(required = false) UUID cursor,
                                             @RequestParam(required = false) Integer limit) {
        return customers.purchases(id, cursor, CursorPage.clampLimit(limit));
    }

    private static ResponseEntity<Customers.CustomerView> withVersion(Customers.CustomerView customer) {
        return ResponseEntity.ok().eTag(Versions.etag(customer.version())).body(customer);
    }
}
