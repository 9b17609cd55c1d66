package dev.bodega.purchasing.internal;

import dev.bodega.catalog.CatalogItems;
import dev.bodega.catalog.ItemInfo;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.purchasing.internal.PurchaseViews.LineView;
import dev.bodega.purchasing.internal.PurchaseViews.OrderView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

    /** One line of the order form as typed, so a refused form comes back as it was. */
    record FormLine(String itemId, String sku, String name, String quantity, String unitCost, String error) {
    }

    record OrderForm(String supplierId, String locationId, String orderDate, String expectedDate, String notes,
                     long version, List<FormLine> lines) {
    }

    /** The purchasing pages' own words for a problem are {@code purchasing.problem.<slug>}. */
    private static final String AREA = "purchasing";

    private final SupplierOrders orders;
    private final Receiving receiving;
    private final LeadTimes leadTimes;
    private final PurchasingChoices choices;
    private final CatalogItems catalog;
    private final ProblemMessages problems;

    PurchasingPageController(SupplierOrders orders, Receiving receiving, LeadTimes leadTimes, PurchasingChoices choices,
                             CatalogItems catalog, ProblemMessages problems) {
        this.problems = problems;
        this.orders = orders;
        this.receiving = receiving;
        this.leadTimes = leadTimes;
        this.choices = choices;
        this.catalog = catalog;
    }

    @GetMapping("/purchasing/orders")
    @RequiresPermission("purchasing.read")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) UUID supplier,
                @RequestParam(required = false) UUID cursor, Model model) {
        String wanted = status == null || status.isBlank() || !SupplierOrders.STATUSES.contains(status) ? null : status;
        model.addAttribute("page", orders.list(new SupplierOrders.Filter(wanted, supplier), cursor,
                CursorPage.DEFAULT_LIMIT));
        model.addAttribute("status", wanted);
        model.addAttribute("supplier", supplier);
        model.addAttribute("suppliers", choices.suppliers());
        return "purchasing/orders";
    }

    @GetMapping("/purchasing/orders/new")
    @RequiresPermission("purchasing.write")
    String newOrder(Model model) {
        return form(model, null, new OrderForm("", "", "", "", "", 0, List.of()), Map.of(), null);
    }

    @PostMapping("/purchasing/orders")
    @RequiresPermission("purchasing.write")
    String create(@RequestParam MultiValueMap<String, String> fields, Model model) {
        OrderForm form = read(fields);
        Map<String, String> errors = new LinkedHashMap<>();
        SupplierOrders.OrderRequest request = request(form, errors);
        if (!errors.isEmpty() || hasLineErrors(form)) {
            return form(model, null, form, errors, null);
        }
        try {
            return "redirect:/purchasing/orders/" + orders.create(request).id();
        } catch (ErrorResponseException e) {
            return refused(model, null, form, errors, e);
        }
    }

    @GetMapping("/purchasing/orders/{id}/edit")
    @RequiresPermission("purchasing.write")
    String edit(@PathVariable UUID id, Model model) {
        OrderView order = orders.get(id);
        if (!order.status().equals("draft")) {
            return "redirect:/purchasing/orders/" + id;
        }
        List<FormLine> lines = order.lines().stream().map(l -> new FormLine(l.itemId().toString(), l.sku(), l.name(),
                plain(l.quantity()), l.unitCost().toPlainString(), null)).toList();
        OrderForm form = new OrderForm(order.supplierId().toString(), order.locationId().toString(),
                order.orderDate().toString(), order.expectedDate() == null ? "" : order.expectedDate().toString(),
                order.notes() == null ? "" : order.notes(), order.version(), lines);
        return form(model, id, form, Map.of(), null);
    }

    @PostMapping("/purchasing/orders/{id}")
    @RequiresPermission("purchasing.write")
    String update(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> fields, Model model) {
        OrderForm form = read(fields);
        Map<String, String> errors = new LinkedHashMap<>();
        SupplierOrders.OrderRequest request = request(form, errors);
        if (!errors.isEmpty() || hasLineErrors(form)) {
            return form(model, id, form, errors, null);
        }
        try {
            orders.update(id, form.version(), request);
            return "redirect:/purchasing/orders/" + id;
        } catch (ErrorResponseException e) {
            return refused(model, id, form, errors, e);
        }
    }

    @GetMapping("/purchasing/orders/{id}")
    @RequiresPermission("purchasing.read")
    String detail(@PathVariable UUID id, Model model) {
        return detailPage(model, orders.get(id), null);
    }

    @PostMapping("/purchasing/orders/{id}/send")
    @RequiresPermission("purchasing.write")
    String send(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            orders.send(id);
            redirect.addFlashAttribute("message", "purchasing.sent");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problemKey(e));
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
            redirect.addFlashAttribute("error", problemKey(e));
        }
        return "redirect:/purchasing/orders/" + id;
    }

    /**
     * A delivery from the detail page: one quantity per line ({@code qty-<lineId>}), blank meaning none. An
     * over-receipt comes back with the quantities as typed, the lines over, and a box to confirm it.
     */
    @PostMapping("/purchasing/orders/{id}/receive")
    @RequiresPermission("purchasing.receive")
    String receive(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> fields, Model model,
                   RedirectAttributes redirect) {
        OrderView order = orders.get(id);
        Map<String, String> typed = new HashMap<>();
        List<Receiving.ReceiptLineRequest> lines = new ArrayList<>();
        boolean invalid = false;
        for (LineView line : order.lines()) {
            String raw = first(fields, "qty-" + line.id()).trim();
            typed.put(line.id().toString(), raw);
            if (raw.isEmpty()) {
                continue;
            }
            BigDecimal quantity = decimal(raw);
            if (quantity == null || quantity.signum() < 0 || quantity.scale() > 3 || quantity.precision() - quantity.scale() > 11) {
                invalid = true;
            } else {
                lines.add(new Receiving.ReceiptLineRequest(line.id(), quantity));
            }
        }
        model.addAttribute("typed", typed);
        model.addAttribute("receiveLocation", first(fields, "locationId"));
        model.addAttribute("receiveNote", first(fields, "note"));
        String note = first(fields, "note").trim();
        if (invalid || lines.isEmpty() || note.length() > 500) {
            return detailPage(model, order, invalid ? "purchasing.receive.quantityInvalid"
                    : lines.isEmpty() ? PurchasingProblem.EMPTY_RECEIPT.messageKey() : "purchasing.receive.noteTooLong");
        }
        UUID location = uuid(first(fields, "locationId"));
        boolean confirmed = "true".equals(first(fields, "confirmOverReceipt"));
        try {
            receiving.receive(first(fields, "idempotencyKey"), id, new Receiving.ReceiptRequest(location, note, confirmed, lines));
            redirect.addFlashAttribute("message", "purchasing.receive.recorded");
            return "redirect:/purchasing/orders/" + id;
        } catch (ErrorResponseException e) {
            if (PurchasingProblem.OVER_RECEIPT.is(e)) {
                model.addAttribute("overLines", e.getBody().getProperties() == null ? List.of()
                        : e.getBody().getProperties().get("lines"));
            }
            return detailPage(model, orders.get(id), problemKey(e));
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

    private String detailPage(Model model, OrderView order, String receiveError) {
        model.addAttribute("order", order);
        model.addAttribute("receipts", receiving.list(order.id(), null, CursorPage.MAX_LIMIT).items());
        model.addAttribute("locations", choices.locations());
        // A fresh key per rendering: a double-submitted form posts once; a refused one was never claimed.
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("receiveError", receiveError);
        if (!model.containsAttribute("typed")) {
            Map<String, String> outstanding = new HashMap<>();
            order.lines().forEach(l -> outstanding.put(l.id().toString(), plain(l.outstandingQuantity())));
            model.addAttribute("typed", outstanding);
        }
        return "purchasing/order";
    }

    private String form(Model model, UUID id, OrderForm form, Map<String, String> errors, String problem) {
        model.addAttribute("orderId", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("suppliers", choices.suppliers());
        model.addAttribute("locations", choices.locations());
        return "purchasing/order-form";
    }

    /** A refusal of the service shown on the form: next to its field when it has one, else above the form. */
    private String refused(Model model, UUID id, OrderForm form, Map<String, String> errors, ErrorResponseException e) {
        String key = problemKey(e);
        if (PurchasingProblem.UNKNOWN_SUPPLIER.is(e) || PurchasingProblem.INACTIVE_SUPPLIER.is(e)) {
            errors.put("supplier", key);
        } else if (PurchasingProblem.UNKNOWN_LOCATION.is(e) || PurchasingProblem.INACTIVE_LOCATION.is(e)) {
            errors.put("location", key);
        } else if (PurchasingProblem.EXPECTED_BEFORE_ORDER.is(e)) {
            errors.put("expectedDate", key);
        } else {
            return form(model, id, form, errors, key);
        }
        return form(model, id, form, errors, null);
    }

    /** Reads the posted form; the lines are three parallel lists (itemId, quantity, unitCost). */
    private OrderForm read(MultiValueMap<String, String> fields) {
        List<String> itemIds = fields.getOrDefault("itemId", List.of());
        List<String> quantities = fields.getOrDefault("quantity", List.of());
        List<String> costs = fields.getOrDefault("unitCost", List.of());
        Map<UUID, ItemInfo> items = catalog.findAll(itemIds.stream().map(PurchasingPageController::uuid)
                .filter(java.util.Objects::nonNull).toList());
        List<FormLine> lines = new ArrayList<>();
        for (int i = 0; i < itemIds.size(); i++) {
            ItemInfo item = items.get(uuid(itemIds.get(i)));
            String quantity = i < quantities.size() ? quantities.get(i).trim() : "";
            String cost = i < costs.size() ? costs.get(i).trim() : "";
            lines.add(new FormLine(itemIds.get(i), item == null ? "?" : item.sku(), item == null ? "?" : item.name(),
                    quantity, cost, lineError(item, quantity, cost)));
        }
        BigDecimal version = decimal(first(fields, "version"));
        return new OrderForm(first(fields, "supplierId"), first(fields, "locationId"), first(fields, "orderDate"),
                first(fields, "expectedDate"), first(fields, "notes"), version == null ? 0 : version.longValue(), lines);
    }

    private static String lineError(ItemInfo item, String quantity, String cost) {
        if (item == null) {
            return PurchasingProblem.UNKNOWN_ITEM.messageKey();
        }
        BigDecimal q = decimal(quantity);
        if (q == null || q.signum() <= 0 || q.scale() > 3 || q.precision() - q.scale() > 11) {
            return "purchasing.form.quantityInvalid";
        }
        if (!cost.isEmpty()) {
            BigDecimal c = decimal(cost);
            if (c == null || c.signum() < 0 || c.scale() > 4 || c.precision() - c.scale() > 10) {
                return "purchasing.form.costInvalid";
            }
        }
        return null;
    }

    private static boolean hasLineErrors(OrderForm form) {
        return form.lines().stream().anyMatch(l -> l.error() != null);
    }

    /** The request the form stands for; field problems go to {@code errors} (a line's to the line itself). */
    private static SupplierOrders.OrderRequest request(OrderForm form, Map<String, String> errors) {
        UUID supplier = uuid(form.supplierId());
        UUID location = uuid(form.locationId());
        if (supplier == null) {
            errors.put("supplier", "purchasing.form.supplierRequired");
        }
        if (location == null) {
            errors.put("location", "purchasing.form.locationRequired");
        }
        LocalDate orderDate = date(form.orderDate(), "orderDate", errors);
        LocalDate expected = date(form.expectedDate(), "expectedDate", errors);
        if (form.notes().length() > 2000) {
            errors.put("notes", "purchasing.form.notesTooLong");
        }
        if (form.lines().isEmpty()) {
            errors.put("lines", "purchasing.form.linesRequired");
        } else if (form.lines().size() > 500) {
            errors.put("lines", "purchasing.form.tooManyLines");
        }
        List<SupplierOrders.LineRequest> lines = form.lines().stream().filter(l -> l.error() == null)
                .map(l -> new SupplierOrders.LineRequest(uuid(l.itemId()), decimal(l.quantity()),
                        l.unitCost().isEmpty() ? null : decimal(l.unitCost())))
                .toList();
        return new SupplierOrders.OrderRequest(supplier, location, orderDate, expected, form.notes(), lines);
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "purchasing.form.dateInvalid");
            return null;
        }
    }

    private String problemKey(ErrorResponseException e) {
        return problems.refusal(e, AREA);
    }

    private static String first(MultiValueMap<String, String> fields, String name) {
        String value = fields.getFirst(name);
        return value == null ? "" : value;
    }

    private static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A number as people type it: a decimal comma is accepted. */
    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
