package dev.bodega.messaging.internal.contacts;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.IfMatch;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Contacts of the inbox: details, blocking, the link to a sales customer, merging. */
@RestController
@Tag(name = "Contacts")
class ContactsApiController {

    record LinkRequest(UUID customerId) {
    }

    record MergeRequest(@NotNull UUID mergeId) {
    }

    private final ContactDirectory contacts;

    ContactsApiController(ContactDirectory contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/api/v1/contacts")
    @RequiresPermission("messaging.read")
    @Operation(summary = "Contacts, newest first (merged ones left out); q searches name, phone and email")
    CursorPage<ContactDirectory.ContactView> list(@RequestParam(required = false) String q, PageQuery<UUID> page) {
        return contacts.list(q, page.cursor(), page.limit());
    }

    @GetMapping("/api/v1/contacts/{id}")
    @RequiresPermission("messaging.read")
    Versioned<ContactDirectory.ContactView> get(@PathVariable UUID id) {
        return Versioned.of(contacts.get(id), ContactDirectory.ContactView::version);
    }

    @PutMapping("/api/v1/contacts/{id}")
    @RequiresPermission("messaging.reply")
    @Operation(summary = "Replace name, phone, email, blocked and tags (If-Match required)")
    Versioned<ContactDirectory.ContactView> update(@PathVariable UUID id,
                                                   @Valid @RequestBody ContactDirectory.ContactRequest request,
                                                   IfMatch ifMatch) {
        return Versioned.of(contacts.update(id, ifMatch.version(), request), ContactDirectory.ContactView::version);
    }

    @PostMapping("/api/v1/contacts/{id}/customer")
    @RequiresPermission("messaging.reply")
    @Operation(summary = "Link the contact to a sales customer (customerId null unlinks)")
    Versioned<ContactDirectory.ContactView> link(@PathVariable UUID id, @RequestBody LinkRequest request) {
        return Versioned.of(contacts.link(id, request.customerId()), ContactDirectory.ContactView::version);
    }

    @PostMapping("/api/v1/contacts/{id}/merge")
    @RequiresPermission("messaging.reply")
    @Operation(summary = "Merge another contact of the same person into this one (conversations move here)")
    Versioned<ContactDirectory.ContactView> merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
        return Versioned.of(contacts.merge(id, request.mergeId()), ContactDirectory.ContactView::version);
    }
}
