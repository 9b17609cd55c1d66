package dev.bodega.platform.internal.webhooks;

import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;

/**
 * The webhooks pages: the company's endpoints with their counts, a form for a new one (its secret shown once), and
 * each endpoint's settings, secret rotation and delivery log with replay.
 */
@Controller
@RequestMapping("/settings/webhooks")
@RequiresPermission("webhooks.manage")
class WebhooksPageController {

    static final String AREA = "webhooks";

    /** The form of an endpoint; retries and timeout as typed (blank takes the defaults). */
    record Form(String url, String description, List<String> eventTypes, Boolean active, Integer maxRetries,
                Integer timeoutSeconds, Long version) {

        static Form empty() {
            return new Form("", "", List.of(), true, 3, 30, null);
        }

        static Form of(Endpoints.Endpoint e) {
            return new Form(e.url(), e.description(), e.eventTypes(), e.active(), e.maxRetries(), e.timeoutSeconds(),
                    e.version());
        }

        Endpoints.Settings settings() {
            return new Endpoints.Settings(url, description, eventTypes, Boolean.TRUE.equals(active), maxRetries,
                    timeoutSeconds);
        }
    }

    private final Endpoints endpoints;
    private final Deliveries deliveries;
    private final ProblemMessages problems;

    WebhooksPageController(Endpoints endpoints, Deliveries deliveries, ProblemMessages problems) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.problems = problems;
    }

    @GetMapping
    String list(PageQuery<UUID> page, Model model) {
        return listPage(page, Form.empty(), model);
    }

    @PostMapping
    String create(@ModelAttribute Form form, Model model) {
        try {
            Endpoints.WithSecret created = endpoints.create(form.settings());
            model.addAttribute("endpoint", created.endpoint());
            model.addAttribute("secret", created.secret());
            return "platform/webhook-secret";
        } catch (ErrorResponseException e) {
            model.addAttribute("error", problems.refusal(e, AREA));
            return listPage(PageQuery.first(), form, model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, PageQuery<UUID> page, Model model) {
        return endpointPage(id, page, Form.of(endpoints.get(id)), model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute Form form, Model model, RedirectAttributes redirect) {
        try {
            endpoints.update(id, form.version(), form.settings());
            redirect.addFlashAttribute("message", "webhooks.saved");
            return "redirect:/settings/webhooks/" + id;
        } catch (ErrorResponseException e) {
            model.addAttribute("error", problems.refusal(e, AREA));
            return endpointPage(id, PageQuery.first(), form, model);
        }
    }

    @PostMapping("/{id}/rotate")
    String rotate(@PathVariable UUID id, Model model) {
        Endpoints.WithSecret rotated = endpoints.rotate(id);
        model.addAttribute("endpoint", rotated.endpoint());
        model.addAttribute("secret", rotated.secret());
        model.addAttribute("rotated", true);
        return "platform/webhook-secret";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        endpoints.delete(id);
        redirect.addFlashAttribute("message", "webhooks.deleted");
        return "redirect:/settings/webhooks";
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    String delivery(@PathVariable UUID id, @PathVariable UUID deliveryId, Model model) {
        model.addAttribute("endpoint", endpoints.get(id));
        model.addAttribute("detail", deliveries.get(id, deliveryId));
        return "platform/webhook-delivery";
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    String replay(@PathVariable UUID id, @PathVariable UUID deliveryId, RedirectAttributes redirect) {
        try {
            deliveries.replay(id, deliveryId);
            redirect.addFlashAttribute("message", "webhooks.replayed");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, AREA));
        }
        return "redirect:/settings/webhooks/" + id;
    }

    private String listPage(PageQuery<UUID> page, Form form, Model model) {
        var list = endpoints.list(page.cursor(), page.limit());
        model.addAttribute("endpoints", list.items());
        model.addAttribute("nextCursor", list.nextCursor());
        model.addAttribute("form", form);
        model.addAttribute("eventTypes", EventTypes.ALL);
        return "platform/webhooks";
    }

    private String endpointPage(UUID id, PageQuery<UUID> page, Form form, Model model) {
        var log = deliveries.list(id, page.cursor(), page.limit());
        model.addAttribute("endpoint", endpoints.get(id));
        model.addAttribute("form", form);
        model.addAttribute("eventTypes", EventTypes.ALL);
        model.addAttribute("deliveries", log.items());
        model.addAttribute("nextCursor", log.nextCursor());
        return "platform/webhook";
    }
}
