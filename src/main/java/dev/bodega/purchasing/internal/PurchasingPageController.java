package dev.bodega.purchasing.internal;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.purchasing.internal.PurchaseForms.FormLine;
import dev.bodega.purchasing.internal.PurchaseForms.OrderForm;
import dev.bodega.purchasing.internal.PurchaseForms.ReceiveForm;
import dev.bodega.purchasing.internal.PurchaseViews.LineView;
import dev.bodega.purchasing.internal.PurchaseViews.OrderView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.propertyeditors.CustomCollectionEditor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The purchasing pages: orders (list, form, detail with send, cancel and
 * receive), lead times. Forms post here and show refusals inline; the order
 * form's lines are added by scanning or typing a code, found through the
 * catalog's item search ({@code GET /api/v1/items?q=}).
 */
@Controller
class PurchasingPageController {

    /** The purchasing pages' own words for a problem are {@code purchasing.problem.<slug>}. */
    private static final String AREA = "purchasing";

    private final SupplierOrders orders;
    private final Receiving receiving;
    private final LeadTimes leadTimes;
    private final PurchasingChoices choices;
    private final PurchaseForms forms;
    private final ProblemMessages problems;

    PurchasingPageController(SupplierOrders orders, Receiving receiving, LeadTimes leadTimes, PurchasingChoices choices,
                             PurchaseForms forms, ProblemMessages problems) {
        this.orders = orders;
        this.receiving = receiving;
        this.leadTimes = leadTimes;
        this.choices = choices;
        this.forms = forms;
        this.problems = problems;
    }

    /** A line's lone value is one value: "1,50" is a cost with a decimal comma, not a list of 1 and 50. */
    @InitBinder("form")
    void lines(WebDataBinder binder) {
        binder.registerCustomEditor(List.class, new CustomCollectionEditor(List.class));
    }

    @GetMapping("/purchasing/orders")
    @RequiresPermission("purchasing.read")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) UUID supplier,
                PageQuery<UUID> page, Model model) {
        String wanted = status == null || status.isBlank() || !SupplierOrders.STATUSES.contains(status) ? null : status;
        model.addAttribute("page", orders.list(new SupplierOrders.Filter(wanted, supplier), page.cursor(),
                page.limit()));
        model.addAttribute("status", wanted);
        model.addAttribute("supplier", supplier);
        model.addAttribute("suppliers", choices.suppliers());
        return "purchasing/orders";
    }

    @GetMapping("/purchasing/orders/new")
    @RequiresPermission("purchasing.write")
    String newOrder(Model model) {
        return form(model, null, OrderForm.blank(), List.of());
    }

    @PostMapping("/purchasing/orders")
    @RequiresPermission("purchasing.write")
    String create(@ModelAttribute("form") OrderForm form, BindingResult errors, Model model) {
        SupplierOrders.OrderRequest request = forms.order(form, errors);
        if (!errors.hasErrors()) {
            try {
                return "redirect:/purchasing/orders/" + orders.create(request).id();
            } catch (ErrorResponseException e) {
                refused(e, errors);
            }
        }
        return form(model, null, form, forms.lines(form, errors));
    }

    @GetMapping("/purchasing/orders/{id}/edit")
    @RequiresPermission("purchasing.write")
    String edit(@PathVariable UUID id, Model model) {
        OrderView order = orders.get(id);
        if (!order.status().equals("draft")) {
            return "redirect:/purchasing/orders/" + id;
        }
        return form(model, id, OrderForm.of(order), PurchaseForms.lines(order));
    }

    @PostMapping("/purchasing/orders/{id}")
    @RequiresPermission("purchasing.write")
    String update(@PathVariable UUID id, @ModelAttribute("form") OrderForm form, BindingResult errors, Model model) {
        SupplierOrders.OrderRequest request = forms.order(form, errors);
        if (!errors.hasErrors()) {
            try {
                orders.update(id, form.openedAt(), request);
                return "redirect:/purchasing/orders/" + id;
            } catch (ErrorResponseException e) {
                refused(e, errors);
            }
        }
        return form(model, id, form, forms.lines(form, errors));
    }

    @GetMapping("/purchasing/orders/{id}")
    @RequiresPermission("purchasing.read")
    String detail(@PathVariable UUID id, Model model) {
        return detailPage(model, orders.get(id), ReceiveForm.blank());
    }

    @PostMapping("/purchasing/orders/{id}/send")
    @RequiresPermission("purchasing.write")
    String send(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            orders.send(id);
            redirect.addFlashAttribute("message", "purchasing.sent");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, AREA));
        }
        return "redirect:/purchasing/orders/" + id;
    }

    @PostMapping("/purchasing/orders/{id}/cancel")
    @RequiresPermission("purchasing.write")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            redirect.addFlashAttribute("error", "purchasing.cancel.reasonRequired");
            return "redirect:/purchasing/orders/" + id;
        }
        try {
            orders.cancel(id, new SupplierOrders.Cancellation(reason.trim()));
            redirect.addFlashAttribute("message", "purchasing.cancelled");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, AREA));
        }
        return "redirect:/purchasing/orders/" + id;
    }

    /**
     * A delivery from the detail page: one quantity per line ({@code qty-<lineId>}), blank meaning none. An
     * over-receipt comes back with the quantities as typed, the lines over, and a box to confirm it.
     */
    @PostMapping("/purchasing/orders/{id}/receive")
    @RequiresPermission("purchasing.receive")
    String receive(@PathVariable UUID id, @ModelAttribute("receive") ReceiveForm form, BindingResult errors,
                   HttpServletRequest request, Model model, RedirectAttributes redirect) {
        OrderView order = orders.get(id);
        Map<UUID, String> typed = new LinkedHashMap<>();
        for (LineView line : order.lines()) {
            String quantity = request.getParameter("qty-" + line.id());
            typed.put(line.id(), quantity == null ? "" : quantity.trim());
        }
        Map<String, String> shown = new HashMap<>();
        typed.forEach((line, quantity) -> shown.put(line.toString(), quantity));
        model.addAttribute("typed", shown);
        Receiving.ReceiptRequest receipt = forms.receipt(form, typed, errors);
        if (errors.hasErrors()) {
            return detailPage(model, order, form);
        }
        try {
            receiving.receive(form.idempotencyKey(), id, receipt);
            redirect.addFlashAttribute("message", "purchasing.receive.recorded");
            return "redirect:/purchasing/orders/" + id;
        } catch (ErrorResponseException e) {
            if (PurchasingProblem.OVER_RECEIPT.is(e)) {
                model.addAttribute("overLines", e.getBody().getProperties() == null ? List.of()
                        : e.getBody().getProperties().get("lines"));
            }
            errors.reject(problems.refusal(e, AREA));
            return detailPage(model, orders.get(id), form);
        }
    }

    @GetMapping("/purchasing/lead-times")
    @RequiresPermission("purchasing.read")
    String leadTimes(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     Model model) {
        model.addAttribute("rows", leadTimes.bySupplier(from, to, null));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "purchasing/lead-times";
    }

    private String detailPage(Model model, OrderView order, ReceiveForm receive) {
        model.addAttribute("order", order);
        model.addAttribute("receipts", receiving.list(order.id(), null, CursorPage.MAX_LIMIT).items());
        model.addAttribute("locations", choices.locations());
        // A fresh key per rendering: a double-submitted form posts once; a refused one was never claimed.
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("receive", receive);
        if (!model.containsAttribute("typed")) {
            Map<String, String> outstanding = new HashMap<>();
            order.lines().forEach(l -> outstanding.put(l.id().toString(), PurchaseForms.plain(l.outstandingQuantity())));
            model.addAttribute("typed", outstanding);
        }
        return "purchasing/order";
    }

    private String form(Model model, UUID id, OrderForm form, List<FormLine> lines) {
        model.addAttribute("orderId", id);
        model.addAttribute("form", form);
        model.addAttribute("lines", lines);
        model.addAttribute("suppliers", choices.suppliers());
        model.addAttribute("locations", choices.locations());
        return "purchasing/order-form";
    }

    /** A refusal of the service shown on the form: next to its field when it has one, else above the form. */
    private void refused(ErrorResponseException e, BindingResult errors) {
        String key = problems.refusal(e, AREA);
        if (PurchasingProblem.UNKNOWN_SUPPLIER.is(e) || PurchasingProblem.INACTIVE_SUPPLIER.is(e)) {
            errors.rejectValue("supplierId", key);
        } else if (PurchasingProblem.UNKNOWN_LOCATION.is(e) || PurchasingProblem.INACTIVE_LOCATION.is(e)) {
            errors.rejectValue("locationId", key);
        } else if (PurchasingProblem.EXPECTED_BEFORE_ORDER.is(e)) {
            errors.rejectValue("expectedDate", key);
        } else {
            errors.reject(key);
        }
    }
}
