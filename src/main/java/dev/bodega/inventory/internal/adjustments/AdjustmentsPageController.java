package dev.bodega.inventory.internal.adjustments;

import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.inventory.internal.StockOpsMessages;
import dev.bodega.inventory.internal.StockOpsPages;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Adjustments pages: the list, the form (lines by scanned or typed code), one adjustment. */
@Controller
class AdjustmentsPageController {

    static final int PAGE_SIZE = 50;

    /** A form line as typed; {@code error} is a bundle key. */
    record FormLine(UUID itemId, String sku, String name, String quantity, String error) {
    }

    /** A message to show: a bundle key and its arguments (kept in the session across a redirect). */
    record Problem(String key, String[] args) implements Serializable {
    }

    record Row(Adjustments.View adjustment, String requestedAt, String decidedAt, List<Adjustments.LineView> lines) {
    }

    private final Adjustments adjustments;
    private final StockOpsLookups lookups;
    private final StockOpsPages pages;
    private final ProblemMessages problems;

    AdjustmentsPageController(Adjustments adjustments, StockOpsLookups lookups, StockOpsPages pages,
                              ProblemMessages problems) {
        this.adjustments = adjustments;
        this.lookups = lookups;
        this.pages = pages;
        this.problems = problems;
    }

    @GetMapping("/inventory/adjustments")
    @RequiresPermission("inventory.read")
    String list(@RequestParam(required = false) String status, PageQuery<UUID> paging, Model model) {
        String filter = status != null && Adjustments.STATUSES.contains(status) ? status : null;
        CursorPage<Adjustments.View> page = adjustments.list(filter == null ? List.of() : List.of(filter),
                paging.cursor(), paging.limit());
        ZoneId zone = pages.zone();
        model.addAttribute("rows", page.items().stream().map(a -> row(a, zone, null)).toList());
        model.addAttribute("status", filter);
        model.addAttribute("statuses", Adjustments.STATUSES);
        model.addAttribute("nextCursor", page.nextCursor());
        return "inventory/stockops/adjustments";
    }

    @GetMapping("/inventory/adjustments/new")
    @RequiresPermission("inventory.adjust")
    String form(Model model) {
        return formPage(model, null, null, null, List.of(), Map.of(), null);
    }

    /** One form line for a scanned or typed code (htmx); an unknown code answers into the form's message area. */
    @GetMapping("/inventory/adjustments/line")
    @RequiresPermission("inventory.adjust")
    String line(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
        var item = lookups.byCode(code);
        if (item.isEmpty() || !item.get().active()) {
            model.addAttribute("messageKey", item.isEmpty() ? "stockops.adjustment.codeUnknown"
                    : InventoryProblem.INACTIVE_ITEM.messageKey());
            model.addAttribute("code", code == null ? "" : code.trim());
            response.setHeader("HX-Retarget", "#line-error");
            response.setHeader("HX-Reswap", "innerHTML");
            return "inventory/stockops/adjustment-new :: lineError";
        }
        model.addAttribute("line", new FormLine(item.get().id(), item.get().sku(), item.get().name(), "", null));
        return "inventory/stockops/adjustment-new :: line";
    }

    @PostMapping("/inventory/adjustments")
    @RequiresPermission("inventory.adjust")
    String create(@RequestParam(required = false) UUID locationId, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String note,
                  @RequestParam(name = "itemId", required = false) List<UUID> itemIds,
                  @RequestParam(name = "quantity", required = false) List<String> quantities, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<FormLine> lines = formLines(itemIds, quantities);
        if (locationId == null) {
            errors.put("location", "stockops.adjustment.locationRequired");
        }
        if (!Adjustments.REASONS.contains(reason)) {
            errors.put("reason", "stockops.adjustment.reasonRequired");
        }
        if (note != null && note.length() > 500) {
            errors.put("note", "stockops.adjustment.noteTooLong");
        }
        if (lines.isEmpty()) {
            errors.put("lines", InventoryProblem.EMPTY_ADJUSTMENT.messageKey());
        }
        if (errors.isEmpty() && lines.stream().allMatch(l -> l.error() == null)) {
            try {
                Adjustments.View created = adjustments.request(new Adjustments.Request(locationId, reason, note,
                        lines.stream().map(l -> new Adjustments.LineRequest(l.itemId(), new BigDecimal(l.quantity()))).toList()));
                return "redirect:/inventory/adjustments/" + created.id() + "?created";
            } catch (ErrorResponseException e) {
                model.addAttribute("problem", problem(e));
            }
        }
        return formPage(model, locationId, reason, note, lines, errors, null);
    }

    @GetMapping("/inventory/adjustments/{id}")
    @RequiresPermission("inventory.read")
    String detail(@PathVariable UUID id, Model model) {
        Adjustments.View adjustment = adjustments.detail(id);
        model.addAttribute("row", row(adjustment, pages.zone(), adjustment.lines()));
        return "inventory/stockops/adjustment";
    }

    private String formPage(Model model, UUID locationId, String reason, String note, List<FormLine> lines,
                            Map<String, String> errors, Problem problem) {
        model.addAttribute("locations", lookups.locations());
        model.addAttribute("reasons", Adjustments.REASONS);
        model.addAttribute("locationId", locationId);
        model.addAttribute("reason", reason);
        model.addAttribute("note", note);
        model.addAttribute("lines", lines);
        model.addAttribute("errors", errors);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return "inventory/stockops/adjustment-new";
    }

    /** The typed lines, with names looked up again (never trusted from the form) and quantities checked. */
    private List<FormLine> formLines(List<UUID> itemIds, List<String> quantities) {
        if (itemIds == null || itemIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, StockOpsLookups.ItemRef> items = lookups.byIds(itemIds).stream()
                .collect(Collectors.toMap(StockOpsLookups.ItemRef::id, Function.identity()));
        List<FormLine> lines = new ArrayList<>();
        for (int i = 0; i < itemIds.size(); i++) {
            UUID id = itemIds.get(i);
            String quantity = quantities != null && i < quantities.size() ? quantities.get(i).trim() : "";
            StockOpsLookups.ItemRef item = items.get(id);
            String error = item == null ? InventoryProblem.UNKNOWN_ITEM.messageKey() : quantityError(quantity);
            lines.add(new FormLine(id, item == null ? "?" : item.sku(), item == null ? "" : item.name(), quantity, error));
        }
        return lines;
    }

    private static String quantityError(String quantity) {
        try {
            return new BigDecimal(quantity).signum() == 0 ? InventoryProblem.ZERO_QUANTITY.messageKey() : null;
        } catch (NumberFormatException e) {
            return "stockops.adjustment.quantityInvalid";
        }
    }

    /** The message for a refused adjustment; for missing stock, which item and how much there is. */
    private Problem problem(ErrorResponseException e) {
        String key = problems.refusal(e, StockOpsPages.AREA);
        Map<String, Object> properties = e.getBody().getProperties();
        if (InventoryProblem.INSUFFICIENT_STOCK.is(e) && properties != null && properties.get("itemId") != null) {
            UUID item = UUID.fromString(String.valueOf(properties.get("itemId")));
            String sku = lookups.byIds(List.of(item)).stream().map(StockOpsLookups.ItemRef::sku).findFirst().orElse("?");
            return new Problem(key, new String[]{sku, number(properties.get("onHand")), number(properties.get("requested"))});
        }
        return new Problem(key, new String[0]);
    }

    private static String number(Object value) {
        try {
            return StockOpsMessages.quantity(new BigDecimal(String.valueOf(value)));
        } catch (NumberFormatException e) {
            return String.valueOf(value);
        }
    }

    private static Row row(Adjustments.View a, ZoneId zone, List<Adjustments.LineView> lines) {
        return new Row(a, StockOpsPages.when(a.requestedAt(), zone), StockOpsPages.when(a.decidedAt(), zone), lines);
    }
}
