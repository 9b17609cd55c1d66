package dev.bodega.inventory.internal;

import dev.bodega.platform.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The receive, issue and transfer forms. Lines are added by typing or scanning
 * a SKU or barcode and Enter (htmx fetches the line, the form is not
 * submitted). Each rendered form carries a fresh Idempotency-Key, so a double
 * submit posts once; the result page shows the ledger rows.
 */
@Controller
class MovementsPageController {

    /** One line of a form as entered, with its error (a bundle key) if it has one. */
    record FormLine(StockLevels.ItemRef item, String quantity, String unitCost, String error) {
    }

    /** A form as entered; {@code errors} maps a field (location, toLocation, lines, form) to a bundle key. */
    record MovementForm(String mode, String idempotencyKey, UUID locationId, UUID toLocationId, String reference,
                        String reason, String note, List<FormLine> lines) {
    }

    private record Failure(String key, Object[] args, String field, UUID itemId) {
    }

    private final StockDocuments documents;
    private final StockLevels levels;
    private final Locations locations;

    MovementsPageController(StockDocuments documents, StockLevels levels, Locations locations) {
        this.documents = documents;
        this.levels = levels;
        this.locations = locations;
    }

    @GetMapping("/inventory/receive")
    @RequiresPermission("inventory.receive")
    String receiveForm(@RequestParam(required = false) UUID locationId, Model model) {
        return page(model, blank("receive", locationId), Map.of());
    }

    @GetMapping("/inventory/issue")
    @RequiresPermission("inventory.issue")
    String issueForm(@RequestParam(required = false) UUID locationId, Model model) {
        return page(model, blank("issue", locationId), Map.of());
    }

    @GetMapping("/inventory/transfer")
    @RequiresPermission("inventory.transfer")
    String transferForm(@RequestParam(required = false) UUID locationId, Model model) {
        return page(model, blank("transfer", locationId), Map.of());
    }

    @PostMapping("/inventory/receive")
    @RequiresPermission("inventory.receive")
    String receive(@RequestParam MultiValueMap<String, String> fields, Model model) {
        return submit("receive", fields, model);
    }

    @PostMapping("/inventory/issue")
    @RequiresPermission("inventory.issue")
    String issue(@RequestParam MultiValueMap<String, String> fields, Model model) {
        return submit("issue", fields, model);
    }

    @PostMapping("/inventory/transfer")
    @RequiresPermission("inventory.transfer")
    String transfer(@RequestParam MultiValueMap<String, String> fields, Model model) {
        return submit("transfer", fields, model);
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

    private String submit(String mode, MultiValueMap<String, String> fields, Model model) {
        MovementForm form = read(mode, fields);
        Map<String, String> errors = new LinkedHashMap<>();
        List<FormLine> lines = checkLines(form, errors);
        form = withLines(form, lines);
        if (form.locationId() == null) {
            errors.put("location", "inventory.error.locationRequired");
        }
        if (mode.equals("transfer") && form.toLocationId() == null) {
            errors.put("toLocation", "inventory.error.locationRequired");
        }
        if (lines.isEmpty()) {
            errors.put("lines", "inventory.error.noLines");
        }
        if (!errors.isEmpty() || lines.stream().anyMatch(l -> l.error() != null)) {
            return page(model, form, errors);
        }
        try {
            ResponseEntity<?> posted = post(form);
            return "redirect:/inventory/postings/" + documents.postingId(posted) + "?posted";
        } catch (ErrorResponseException e) {
            Failure failure = failure(e, form);
            model.addAttribute("errorArgs", failure.args() == null ? new Object[0] : failure.args());
            errors.put(failure.field(), failure.key());
            if (failure.itemId() != null) {
                form = withLines(form, form.lines().stream().map(l -> l.item().id().equals(failure.itemId())
                        ? new FormLine(l.item(), l.quantity(), l.unitCost(), "inventory.error.line") : l).toList());
            }
            return page(model, form, errors);
        }
    }

    private ResponseEntity<?> post(MovementForm form) {
        String key = form.idempotencyKey();
        return switch (form.mode()) {
            case "receive" -> documents.receive(key, new StockDocuments.Receipt(form.locationId(), form.reference(),
                    form.note(), form.lines().stream().map(l -> new StockDocuments.ReceiptLine(l.item().id(),
                    decimal(l.quantity()), decimal(l.unitCost()))).toList()));
            case "issue" -> documents.issue(key, new StockDocuments.Issue(form.locationId(), form.reason(), form.note(),
                    quantityLines(form)));
            default -> documents.transfer(key, new StockDocuments.Transfer(form.locationId(), form.toLocationId(),
                    form.note(), quantityLines(form)));
        };
    }

    private static List<StockDocuments.QuantityLine> quantityLines(MovementForm form) {
        return form.lines().stream().map(l -> new StockDocuments.QuantityLine(l.item().id(), decimal(l.quantity()))).toList();
    }

    /** Known posting problems become a message (and mark the line they are about); others stay errors. */
    private static Failure failure(ErrorResponseException e, MovementForm form) {
        String type = ProblemTypes.of(e);
        Map<String, Object> properties = e.getBody().getProperties() == null ? Map.of() : e.getBody().getProperties();
        return switch (type) {
            case "insufficient-stock" -> {
                UUID item = UUID.fromString(String.valueOf(properties.get("itemId")));
                String sku = form.lines().stream().filter(l -> l.item().id().equals(item)).map(l -> l.item().sku())
                        .findFirst().orElse("");
                yield new Failure("inventory.error.insufficientStock",
                        new Object[]{sku, plain(properties.get("onHand")), plain(properties.get("requested"))}, "form", item);
            }
            case "location-not-allowed" -> new Failure("inventory.error.locationNotAllowed", null, "form", null);
            case "unknown-location", "inactive-location" -> new Failure("inventory.error.location", null, "form", null);
            case "unknown-item", "inactive-item" -> new Failure("inventory.error.item", null, "form", null);
            case "quantity-decimals" -> new Failure("inventory.error.decimals", null, "form", null);
            case "quantity-range", "negative-cost", "empty-posting" -> new Failure("inventory.error.quantity", null, "form", null);
            case "same-location" -> new Failure("inventory.error.sameLocation", null, "toLocation", null);
            case "idempotency-key-reused" -> new Failure("inventory.error.resubmitted", null, "form", null);
            default -> throw e;
        };
    }

    /** 3.000 → 3, for messages. */
    private static String plain(Object quantity) {
        BigDecimal value = decimal(String.valueOf(quantity));
        return value == null ? String.valueOf(quantity) : value.stripTrailingZeros().toPlainString();
    }

    private MovementForm read(String mode, MultiValueMap<String, String> fields) {
        List<String> itemIds = fields.getOrDefault("itemId", List.of());
        List<String> quantities = fields.getOrDefault("quantity", List.of());
        List<String> costs = fields.getOrDefault("unitCost", List.of());
        List<FormLine> lines = new ArrayList<>();
        for (int i = 0; i < itemIds.size() && i < 500; i++) {
            UUID id = uuid(itemIds.get(i));
            Optional<StockLevels.ItemRef> item = id == null ? Optional.empty() : levels.item(id);
            if (item.isPresent()) {
                lines.add(new FormLine(item.get(), at(quantities, i), at(costs, i), null));
            }
        }
        String key = fields.getFirst("idempotencyKey");
        return new MovementForm(mode, key == null || key.isBlank() ? UUID.randomUUID().toString() : key,
                uuid(fields.getFirst("locationId")), uuid(fields.getFirst("toLocationId")),
                limit(fields.getFirst("reference"), 100), limit(fields.getFirst("reason"), 40),
                limit(fields.getFirst("note"), 500), lines);
    }

    private static List<FormLine> checkLines(MovementForm form, Map<String, String> errors) {
        return form.lines().stream().map(line -> {
            BigDecimal quantity = decimal(line.quantity());
            if (quantity == null || quantity.signum() <= 0) {
                return new FormLine(line.item(), line.quantity(), line.unitCost(), "inventory.error.quantity");
            }
            if (quantity.stripTrailingZeros().scale() > line.item().decimals()) {
                return new FormLine(line.item(), line.quantity(), line.unitCost(), "inventory.error.decimals");
            }
            boolean costGiven = line.unitCost() != null && !line.unitCost().isBlank();
            BigDecimal cost = decimal(line.unitCost());
            if (form.mode().equals("receive") && costGiven && (cost == null || cost.signum() < 0)) {
                return new FormLine(line.item(), line.quantity(), line.unitCost(), "inventory.error.cost");
            }
            return line;
        }).toList();
    }

    private String page(Model model, MovementForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("mode", form.mode());
        model.addAttribute("errors", errors);
        model.addAttribute("locations", locations.workable());
        if (!model.containsAttribute("errorArgs")) {
            model.addAttribute("errorArgs", new Object[0]);
        }
        return "inventory/movement";
    }

    /** A new form: a fresh Idempotency-Key, so submitting it twice posts once. */
    private static MovementForm blank(String mode, UUID locationId) {
        return new MovementForm(mode, UUID.randomUUID().toString(), locationId, null, null, null, null, List.of());
    }

    private static MovementForm withLines(MovementForm f, List<FormLine> lines) {
        return new MovementForm(f.mode(), f.idempotencyKey(), f.locationId(), f.toLocationId(), f.reference(), f.reason(),
                f.note(), lines);
    }

    /** A decimal as typed: a lone comma is the decimal separator (Spanish keyboards). */
    static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String normalized = text.trim();
        if (normalized.indexOf(',') >= 0 && normalized.indexOf('.') < 0) {
            normalized = normalized.replace(',', '.');
        }
        try {
            return new BigDecimal(normalized);
        } catch (NumberFormatException e) {
            return null;
        }
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
