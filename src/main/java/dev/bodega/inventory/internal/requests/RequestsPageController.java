package dev.bodega.inventory.internal.requests;

import dev.bodega.inventory.internal.locations.Locations;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.FormNumbers;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Transfer request pages: the cart, the list (by state, origin, destination) and one request with the actions
 * its state allows and its trace. A refused action comes back as a message in the user's language.
 */
@Controller
class RequestsPageController {

    /** The request pages' own words for a problem are {@code requests.problem.<slug>}. */
    static final String AREA = "requests";

    private final RequestFlow flow;
    private final RequestQueries queries;
    private final RequestCart cart;
    private final Locations locations;
    private final ProblemMessages problems;

    RequestsPageController(RequestFlow flow, RequestQueries queries, RequestCart cart, Locations locations,
                           ProblemMessages problems) {
        this.flow = flow;
        this.queries = queries;
        this.cart = cart;
        this.locations = locations;
        this.problems = problems;
    }

    @GetMapping("/inventory/requests")
    @RequiresPermission("requests.view")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) UUID originId,
                @RequestParam(required = false) UUID destinationId, PageQuery<UUID> paging, Model model) {
        String filter = status != null && RequestStatus.isCode(status) ? status : null;
        CursorPage<RequestQueries.RequestView> page = queries.list(
                new RequestQueries.Filter(filter, originId, destinationId), paging.cursor(), paging.limit());
        model.addAttribute("requests", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("status", filter);
        model.addAttribute("originId", originId);
        model.addAttribute("destinationId", destinationId);
        model.addAttribute("statuses", Arrays.stream(RequestStatus.values()).map(RequestStatus::code).toList());
        model.addAttribute("locations", locations.all());
        return "inventory/requests/list";
    }

    @GetMapping("/inventory/requests/cart")
    @RequiresPermission("requests.create")
    String cart(Model model) {
        List<RequestCart.CartItem> items = cart.items();
        model.addAttribute("groups", items.stream().collect(Collectors.groupingBy(RequestCart.CartItem::destinationId,
                java.util.LinkedHashMap::new, Collectors.toList())));
        model.addAttribute("destinations", locations.workable());
        model.addAttribute("origins", locations.all().stream().filter(Locations.LocationView::active).toList());
        return "inventory/requests/cart";
    }

    @PostMapping("/inventory/requests/cart")
    @RequiresPermission("requests.create")
    String addToCart(@RequestParam(required = false) UUID destinationId, @RequestParam(required = false) String code,
                     @RequestParam(required = false) String quantity, RedirectAttributes redirect) {
        var item = cart.itemByCode(code);
        BigDecimal amount = FormNumbers.decimal(quantity);
        if (item.isEmpty()) {
            redirect.addFlashAttribute("problem", "requests.cart.codeUnknown");
        } else if (destinationId == null) {
            redirect.addFlashAttribute("problem", "requests.cart.destinationRequired");
        } else if (amount == null || amount.signum() <= 0) {
            redirect.addFlashAttribute("problem", "requests.cart.quantityInvalid");
        } else {
            attempt(redirect, () -> cart.add(destinationId, item.get(), amount));
        }
        return "redirect:/inventory/requests/cart";
    }

    @PostMapping("/inventory/requests/cart/{id}/remove")
    @RequiresPermission("requests.create")
    String removeFromCart(@PathVariable UUID id) {
        cart.remove(id);
        return "redirect:/inventory/requests/cart";
    }

    @PostMapping("/inventory/requests")
    @RequiresPermission("requests.create")
    String order(@RequestParam(required = false) UUID originId, @RequestParam UUID destinationId,
                 @RequestParam(required = false) String notes, RedirectAttributes redirect) {
        try {
            UUID id = cart.order(originId, destinationId, limit(notes, 1000));
            return "redirect:/inventory/requests/" + id;
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", problems.refusal(e, AREA));
            return "redirect:/inventory/requests/cart";
        }
    }

    @GetMapping("/inventory/requests/{id}")
    @RequiresPermission("requests.view")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("request", queries.detail(id));
        return "inventory/requests/request";
    }

    @PostMapping("/inventory/requests/{id}/start-picking")
    @RequiresPermission("requests.approve")
    String startPicking(@PathVariable UUID id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> flow.startPicking(id, limit(comment, 500)));
    }

    @PostMapping("/inventory/requests/{id}/picking")
    @RequiresPermission("requests.dispatch")
    String picking(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, () -> flow.recordPicking(id, counts(form, "picked-")));
    }

    @PostMapping("/inventory/requests/{id}/dispatch")
    @RequiresPermission("requests.dispatch")
    String dispatch(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return step(id, redirect, () -> flow.dispatch(id, limit(form.get("transportGuide"), 100),
                counts(form, "dispatched-"), limit(form.get("comment"), 500)));
    }

    @PostMapping("/inventory/requests/{id}/receive")
    @RequiresPermission("requests.receive")
    String receive(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return step(id, redirect, () -> flow.receive(id, counts(form, "received-"), limit(form.get("comment"), 500)));
    }

    @PostMapping("/inventory/requests/{id}/cancel")
    @RequiresPermission("requests.view")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            RequestsApiController.requireCancelRight();
            flow.cancel(id, limit(comment, 500));
        });
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action) {
        if (attempt(redirect, action)) {
            redirect.addFlashAttribute("message", "requests.done");
        }
        return "redirect:/inventory/requests/" + id;
    }

    /** A step that posts: done, or waiting for approval when a rule holds it back. */
    private String step(UUID id, RedirectAttributes redirect, java.util.function.BooleanSupplier action) {
        boolean[] waits = {false};
        if (attempt(redirect, () -> waits[0] = action.getAsBoolean())) {
            redirect.addFlashAttribute("message", waits[0] ? "requests.pendingApproval" : "requests.done");
        }
        return "redirect:/inventory/requests/" + id;
    }

    private boolean attempt(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            return true;
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", problems.refusal(e, AREA));
            return false;
        }
    }

    /**
     * The form's {@code <prefix><itemId>} quantities (and {@code reason-<itemId>}); a quantity that is not a
     * number is sent as -1, which the flow refuses like the API's negative one.
     */
    private static List<RequestFlow.Count> counts(Map<String, String> form, String prefix) {
        List<RequestFlow.Count> counts = new ArrayList<>();
        form.forEach((name, value) -> {
            UUID item = name.startsWith(prefix) ? uuid(name.substring(prefix.length())) : null;
            if (item != null) {
                BigDecimal quantity = FormNumbers.decimal(value);
                counts.add(new RequestFlow.Count(item, quantity == null ? BigDecimal.ONE.negate() : quantity,
                        limit(form.get("reason-" + item), 500)));
            }
        });
        return counts;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
