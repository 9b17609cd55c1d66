package dev.bodega.messaging.internal.contacts;

import dev.bodega.messaging.internal.PageForms;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The contacts pages: the list with its search, and one contact to edit, link to a customer or merge another into. */
@Controller
class ContactPagesController {

    private static final String AREA = "inbox";

    private final ContactDirectory contacts;
    private final Validator validator;
    private final ProblemMessages problems;

    ContactPagesController(ContactDirectory contacts, Validator validator, ProblemMessages problems) {
        this.contacts = contacts;
        this.validator = validator;
        this.problems = problems;
    }

    @GetMapping("/messaging/contacts")
    @RequiresPermission("messaging.read")
    String list(@RequestParam(required = false) String q, PageQuery<UUID> page, Model model) {
        model.addAttribute("page", contacts.list(q, page.cursor(), page.limit()));
        model.addAttribute("q", q);
        return "messaging/contacts";
    }

    @GetMapping("/messaging/contacts/{id}")
    @RequiresPermission("messaging.read")
    String detail(@PathVariable UUID id, @RequestParam(required = false) String customerQ,
                  @RequestParam(required = false) String mergeQ, Model model) {
        ContactDirectory.ContactView contact = contacts.get(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ContactDirectory.ContactRequest(contact.name(), contact.phone(),
                    contact.email(), contact.blocked(), contact.tags()));
        }
        return page(contact, customerQ, mergeQ, model);
    }

    @PostMapping("/messaging/contacts/{id}")
    @RequiresPermission("messaging.reply")
    String update(@PathVariable UUID id, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
                  @RequestParam(defaultValue = "false") boolean blocked, @RequestParam(required = false) String tags,
                  @RequestParam long version, Model model, RedirectAttributes redirect) {
        ContactDirectory.ContactRequest request = new ContactDirectory.ContactRequest(name, phone, email, blocked,
                tags == null ? List.of() : Arrays.asList(tags.split(",")));
        Map<String, String> errors = PageForms.violations(validator, request);
        if (errors.isEmpty()) {
            try {
                contacts.update(id, version, request);
                redirect.addFlashAttribute("message", "inbox.contact.saved");
                return "redirect:/messaging/contacts/" + id;
            } catch (ErrorResponseException e) {
                model.addAttribute("error", problems.refusal(e, AREA));
            }
        }
        model.addAttribute("form", request);
        model.addAttribute("fieldErrors", errors);
        return page(contacts.get(id), null, null, model);
    }

    /** Links the chosen customer, or unlinks ({@code customerId} empty). */
    @PostMapping("/messaging/contacts/{id}/customer")
    @RequiresPermission("messaging.reply")
    String link(@PathVariable UUID id, @RequestParam(required = false) UUID customerId, RedirectAttributes redirect) {
        contacts.link(id, customerId);
        redirect.addFlashAttribute("message", customerId == null ? "inbox.contact.unlinked" : "inbox.contact.linked");
        return "redirect:/messaging/contacts/" + id;
    }

    @PostMapping("/messaging/contacts/{id}/merge")
    @RequiresPermission("messaging.reply")
    String merge(@PathVariable UUID id, @RequestParam UUID mergeId, RedirectAttributes redirect) {
        try {
            contacts.merge(id, mergeId);
            redirect.addFlashAttribute("message", "inbox.contact.merged");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, AREA));
        }
        return "redirect:/messaging/contacts/" + id;
    }

    private String page(ContactDirectory.ContactView contact, String customerQ, String mergeQ, Model model) {
        model.addAttribute("contact", contact);
        model.addAttribute("customerQ", customerQ);
        model.addAttribute("customers", contacts.findCustomers(customerQ));
        model.addAttribute("mergeQ", mergeQ);
        model.addAttribute("mergeCandidates", mergeQ == null || mergeQ.isBlank() ? List.of()
                : contacts.list(mergeQ, null, 10).items().stream().filter(c -> !c.id().equals(contact.id())).toList());
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return "messaging/contact";
    }
}
