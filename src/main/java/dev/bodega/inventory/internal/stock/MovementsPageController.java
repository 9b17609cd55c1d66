package dev.bodega.inventory.internal.stock;

import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.inventory.internal.locations.Locations;
import dev.bodega.platform.FormNumbers;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.beans.propertyeditors.CustomCollectionEditor;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The receive, issue and transfer forms. Lines are added by typing or scanning
 * a SKU or barcode and Enter (htmx fetches the line, the form is not
 * submitted). Each rendered form carries a fresh Idempotency-Key, so a double
 * submit posts once; the result page shows the ledger rows.
 */
@Controller
public class MovementsPageController {

    /** The movement pages' own words for a problem are {@code inventory.problem.<slug>}. */
    private static final String AREA = "inventory";
    private static final int MAX_LINES = 500;

    /** One line of a form as shown, with its error (a bundle key) if it has one. */
    record FormLine(StockLevels.ItemRef item, String quantity, String unitCost, String error) {
    }

    /**
     * A form as posted: its lines are three parallel lists (itemId, quantity, unitCost), numbers and ids as typed,
     * so a refused form comes back as it was. A line's error is on {@code itemId[i]}.
     */
    record MovementForm(String idempotencyKey, String locationId, String toLocationId, String reference,
                        String reason, String note, List<String> itemId, List<String> quantity, List<String> unitCost) {

        /** A new form: a fresh Idempotency-Key, so submitting it twice posts once. */
        static MovementForm blank(UUID locationId) {
            return new MovementForm(UUID.randomUUID().toString(), locationId == null ? null : locationId.toString(),
                    null, null, null, null, List.of(), List.of(), List.of());
        }

        MovementForm {
            idempotencyKey = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
                    : idempotencyKey;
            itemId = itemId == null ? List.of() : itemId;
            quantity = quantity == null ? List.of() : quantity;
            unitCost = unitCost == null ? List.of() : unitCost;
        }

        UUID location() {
            return uuid(locationId);
        }

        UUID toLocation() {
            return uuid(toLocationId);
        }
    }

    /** A line whose item exists, with its place among the posted lines. */
    private record Line(int index, StockLevels.ItemRef item, String quantity, String unitCost) {
    }

    private final StockDocuments documents;
    private final StockLevels levels;
    private final Locations locations;
    private final Validator validator;
    private final ProblemMessages problems;

    MovementsPageController(StockDocuments documents, StockLevels levels, Locations locations, Validator validator,
                            ProblemMessages problems) {
        this.documents = documents;
        this.levels = levels;
        this.locations = locations;
        this.validator = validator;
        this.problems = problems;
    }

    /** A line's lone value is one value: "2,50" is a cost with a decimal comma, not a list of 2 and 50. */
    @InitBinder("form")
    void lines(WebDataBinder binder) {
        binder.registerCustomEditor(List.class, new CustomCollectionEditor(List.class));
    }

    @GetMapping("/inventory/receive")
    @RequiresPermission("inventory.receive")
    String receiveForm(@RequestParam(required = false) UUID locationId, Model model) {
        return page(model, "receive", MovementForm.blank(locationId), List.of());
    }

    @GetMapping("/inventory/issue")
    @RequiresPermission("inventory.issue")
    String issueForm(@RequestParam(required = false) UUID locationId, Model model) {
        return page(model, "issue", MovementForm.blank(locationId), List.of());
    }

    @GetMapping("/inventory/transfer")
    @RequiresPermission("inventory.transfer")
    String transferForm(@RequestParam(required = false) UUID locationId, Model model) {
        return page(model, "transfer", MovementForm.blank(locationId), List.of());
    }

    @PostMapping("/inventory/receive")
    @RequiresPermission("inventory.receive")
    String receive(@ModelAttribute("form") MovementForm form, BindingResult errors, Model model) {
        return submit("receive", form, errors, model);
    }

    @PostMapping("/inventory/issue")
    @RequiresPermission("inventory.issue")
    String issue(@ModelAttribute("form") MovementForm form, BindingResult errors, Model model) {
        return submit("issue", form, errors, model);
    }

    @PostMapping("/inventory/transfer")
    @RequiresPermission("inventory.transfer")
    String transfer(@ModelAttribute("form") MovementForm form, BindingResult errors, Model model) {
        return submit("transfer", form, errors, model);
    }

    /** A typed or scanned code becomes a form line; an unknown one shows its error next to the scan field. */
    @GetMapping("/inventory/scan")
    @RequiresPermission("inventory.read")
    String scan(@RequestParam(required = false) String code, @RequestParam(defaultValue = "receive") String mode,
                Model model, HttpServletResponse response) {
        Optional<StockLevels.ItemRef> item = levels.lookup(code);
        model.addAttribute("mode", mode);
        model.addAttribute("code", code);
        if (item.isEmpty() || !item.get().active()) {
            response.setHeader("HX-Retarget", "#scan-error");
            response.setHeader("HX-Reswap", "innerHTML");
            model.addAttribute("scanError", item.isEmpty() ? "inventory.scan.unknown" : "inventory.scan.inactive");
            return "inventory/lines :: scan-error";
        }
        model.addAttribute("line", new FormLine(item.get(), "1", "", null));
        return "inventory/lines :: line";
    }

    private String submit(String mode, MovementForm form, BindingResult errors, Model model) {
        List<Line> lines = lines(form);
        Object request = request(mode, form, lines, errors);
        if (errors.hasErrors()) {
            return page(model, mode, form, shown(lines, errors));
        }
        try {
            ResponseEntity<?> posted = post(mode, form.idempotencyKey(), request);
            return "redirect:" + documents.page(posted);
        } catch (ErrorResponseException e) {
            refused(e, lines, errors);
            return page(model, mode, form, shown(lines, errors));
        }
    }

    /** The lines whose item exists (the first 500 posted), the others are dropped as the page never offers them. */
    private List<Line> lines(MovementForm form) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < form.itemId().size() && i < MAX_LINES; i++) {
            UUID id = uuid(form.itemId().get(i));
            Optional<StockLevels.ItemRef> item = id == null ? Optional.empty() : levels.item(id);
            if (item.isPresent()) {
                lines.add(new Line(i, item.get(), at(form.quantity(), i), at(form.unitCost(), i)));
            }
        }
        return lines;
    }

    /**
     * The request the form stands for, checked by the request's own rules: each refusal goes to the field it is
     * about, a line's first one to the line (its quantity, then its unit's decimals, then its cost).
     */
    private Object request(String mode, MovementForm form, List<Line> lines, BindingResult errors) {
        String note = limit(form.note(), 500);
        Object request = switch (mode) {
            case "receive" -> new StockDocuments.Receipt(form.location(), limit(form.reference(), 100), note,
                    lines.stream().map(l -> new StockDocuments.ReceiptLine(l.item().id(), FormNumbers.decimal(l.quantity()),
                            FormNumbers.decimal(l.unitCost()))).toList());
            case "issue" -> new StockDocuments.Issue(form.location(), limit(form.reason(), 40), note, quantityLines(lines));
            default -> new StockDocuments.Transfer(form.location(), form.toLocation(), note, quantityLines(lines));
        };
        Set<String> refused = new HashSet<>();
        validator.validate(request).forEach(violation -> refused.add(violation.getPropertyPath().toString()));
        if (refused.contains("locationId") || refused.contains("fromLocationId")) {
            errors.rejectValue("locationId", "inventory.error.locationRequired");
        }
        if (refused.contains("toLocationId")) {
            errors.rejectValue("toLocationId", "inventory.error.locationRequired");
        }
        if (refused.contains("lines")) {
            errors.rejectValue("itemId", "inventory.error.noLines");
        }
        for (int k = 0; k < lines.size(); k++) {
            String error = lineError(mode, lines.get(k), refused.contains("lines[" + k + "].quantity"),
                    refused.contains("lines[" + k + "].unitCost"));
            if (error != null) {
                errors.rejectValue(field(lines.get(k)), error);
            }
        }
        return request;
    }

    /** A receipt's cost typed but not a number is refused too: the request would take it as none. */
    private static String lineError(String mode, Line line, boolean quantityRefused, boolean costRefused) {
        BigDecimal quantity = FormNumbers.decimal(line.quantity());
        boolean costUnreadable = mode.equals("receive") && line.unitCost() != null && !line.unitCost().isBlank()
                && FormNumbers.decimal(line.unitCost()) == null;
        if (quantityRefused) {
            return "inventory.error.quantity";
        }
        if (quantity.stripTrailingZeros().scale() > line.item().decimals()) {
            return "inventory.error.decimals";
        }
        return costRefused || costUnreadable ? "inventory.error.cost" : null;
    }

    private ResponseEntity<?> post(String mode, String key, Object request) {
        return switch (mode) {
            case "receive" -> documents.receive(key, (StockDocuments.Receipt) request);
            case "issue" -> documents.issue(key, (StockDocuments.Issue) request);
            default -> documents.transfer(key, (StockDocuments.Transfer) request);
        };
    }

    private static List<StockDocuments.QuantityLine> quantityLines(List<Line> lines) {
        return lines.stream().map(l -> new StockDocuments.QuantityLine(l.item().id(), FormNumbers.decimal(l.quantity())))
                .toList();
    }

    /**
     * The posting's refusal above the form (a transfer to its own source next to the destination); missing stock
     * names the item and marks its line.
     */
    private void refused(ErrorResponseException e, List<Line> lines, BindingResult errors) {
        String key = problems.refusal(e, AREA);
        if (InventoryProblem.SAME_LOCATION.is(e)) {
            errors.rejectValue("toLocationId", key);
            return;
        }
        Map<String, Object> properties = e.getBody().getProperties() == null ? Map.of() : e.getBody().getProperties();
        if (!InventoryProblem.INSUFFICIENT_STOCK.is(e) || properties.get("itemId") == null) {
            errors.reject(key);
            return;
        }
        UUID item = UUID.fromString(String.valueOf(properties.get("itemId")));
        List<Line> shortLines = lines.stream().filter(l -> l.item().id().equals(item)).toList();
        String sku = shortLines.stream().map(l -> l.item().sku()).findFirst().orElse("");
        errors.reject(key, new Object[]{sku, plain(properties.get("onHand")), plain(properties.get("requested"))}, null);
        shortLines.forEach(l -> errors.rejectValue(field(l), "inventory.error.line"));
    }

    /** The lines as the page shows them, each with its error. */
    private static List<FormLine> shown(List<Line> lines, BindingResult errors) {
        return lines.stream().map(l -> {
            FieldError error = errors.getFieldError(field(l));
            return new FormLine(l.item(), l.quantity(), l.unitCost(), error == null ? null : error.getCode());
        }).toList();
    }

    private String page(Model model, String mode, MovementForm form, List<FormLine> lines) {
        model.addAttribute("form", form);
        model.addAttribute("lines", lines);
        model.addAttribute("mode", mode);
        model.addAttribute("locations", locations.workable());
        return "inventory/movement";
    }

    private static String field(Line line) {
        return "itemId[" + line.index() + "]";
    }

    /** 3.000 → 3, for messages. */
    private static String plain(Object quantity) {
        BigDecimal value = FormNumbers.decimal(String.valueOf(quantity));
        return value == null ? String.valueOf(quantity) : value.stripTrailingZeros().toPlainString();
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index) : null;
    }

    private static String limit(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }
}
