package dev.bodega.purchasing.internal;

import dev.bodega.catalog.CatalogItems;
import dev.bodega.catalog.ItemInfo;
import dev.bodega.platform.FormNumbers;
import dev.bodega.purchasing.internal.PurchaseViews.LineView;
import dev.bodega.purchasing.internal.PurchaseViews.OrderView;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The purchasing pages' forms as posted, and the requests they stand for,
 * checked by the requests' own rules: each refusal goes to the field it is
 * about, in the words of the purchasing bundle.
 */
@Component
class PurchaseForms {

    /**
     * The order form as typed, so a refused form comes back as it was; its lines are three parallel lists
     * (itemId, quantity, unitCost), as the page posts them. A line's error is on {@code itemId[i]}.
     */
    record OrderForm(String supplierId, String locationId, String orderDate, String expectedDate, String notes,
                     String version, List<String> itemId, List<String> quantity, List<String> unitCost) {

        OrderForm {
            supplierId = text(supplierId);
            locationId = text(locationId);
            orderDate = text(orderDate);
            expectedDate = text(expectedDate);
            notes = text(notes);
            itemId = itemId == null ? List.of() : itemId;
            quantity = quantity == null ? List.of() : quantity;
            unitCost = unitCost == null ? List.of() : unitCost;
        }

        static OrderForm blank() {
            return new OrderForm(null, null, null, null, null, null, null, null, null);
        }

        static OrderForm of(OrderView order) {
            return new OrderForm(order.supplierId().toString(), order.locationId().toString(),
                    order.orderDate().toString(), order.expectedDate() == null ? "" : order.expectedDate().toString(),
                    order.notes(), String.valueOf(order.version()),
                    order.lines().stream().map(l -> l.itemId().toString()).toList(),
                    order.lines().stream().map(l -> plain(l.quantity())).toList(),
                    order.lines().stream().map(l -> l.unitCost().toPlainString()).toList());
        }

        /** The version the form was opened at; one that is not a number is none. */
        long openedAt() {
            BigDecimal number = FormNumbers.decimal(version);
            return number == null ? 0 : number.longValue();
        }
    }

    /** One line of the order form as shown, with its error (a bundle key) if it has one. */
    record FormLine(String itemId, String sku, String name, String quantity, String unitCost, String error) {
    }

    /**
     * A delivery as posted from the order page; the quantities are named by the line they receive
     * ({@code qty-<lineId>}), so they come with the order's lines, not through the form.
     */
    record ReceiveForm(String locationId, String note, String confirmOverReceipt, String idempotencyKey) {

        static ReceiveForm blank() {
            return new ReceiveForm(null, null, null, null);
        }
    }

    private final Validator validator;
    private final CatalogItems catalog;

    PurchaseForms(Validator validator, CatalogItems catalog) {
        this.validator = validator;
        this.catalog = catalog;
    }

    /** The order the form stands for; what is refused goes to {@code errors}. */
    SupplierOrders.OrderRequest order(OrderForm form, BindingResult errors) {
        Map<UUID, ItemInfo> items = items(form);
        List<SupplierOrders.LineRequest> lines = new ArrayList<>();
        for (int i = 0; i < form.itemId().size(); i++) {
            lines.add(new SupplierOrders.LineRequest(uuid(form.itemId().get(i)),
                    FormNumbers.decimal(at(form.quantity(), i)), FormNumbers.decimal(at(form.unitCost(), i))));
        }
        SupplierOrders.OrderRequest request = new SupplierOrders.OrderRequest(uuid(form.supplierId()),
                uuid(form.locationId()), date(form.orderDate(), "orderDate", errors),
                date(form.expectedDate(), "expectedDate", errors), form.notes(), lines);
        Set<String> refused = refused(request);
        reject(refused, "supplierId", "supplierId", "purchasing.form.supplierRequired", errors);
        reject(refused, "locationId", "locationId", "purchasing.form.locationRequired", errors);
        reject(refused, "notes", "notes", "purchasing.form.notesTooLong", errors);
        reject(refused, "lines", "itemId", lines.isEmpty() ? "purchasing.form.linesRequired"
                : "purchasing.form.tooManyLines", errors);
        for (int i = 0; i < lines.size(); i++) {
            String error = lineError(items.get(lines.get(i).itemId()), at(form.unitCost(), i),
                    refused.contains("lines[" + i + "].quantity"), refused.contains("lines[" + i + "].unitCost"));
            if (error != null) {
                errors.rejectValue("itemId[" + i + "]", error);
            }
        }
        return request;
    }

    /** The form's lines as the page shows them: the item's code and name, what was typed, and the line's error. */
    List<FormLine> lines(OrderForm form, BindingResult errors) {
        Map<UUID, ItemInfo> items = items(form);
        List<FormLine> lines = new ArrayList<>();
        for (int i = 0; i < form.itemId().size(); i++) {
            ItemInfo item = items.get(uuid(form.itemId().get(i)));
            FieldError error = errors.getFieldError("itemId[" + i + "]");
            lines.add(new FormLine(form.itemId().get(i), item == null ? "?" : item.sku(), item == null ? "?" : item.name(),
                    at(form.quantity(), i), at(form.unitCost(), i), error == null ? null : error.getCode()));
        }
        return lines;
    }

    /** An order's own lines, as its edit form first shows them. */
    static List<FormLine> lines(OrderView order) {
        return order.lines().stream().map(l -> new FormLine(l.itemId().toString(), l.sku(), l.name(), plain(l.quantity()),
                l.unitCost().toPlainString(), null)).toList();
    }

    /**
     * The delivery the page posted: one quantity per line of the order, blank meaning none. The first refusal is
     * the page's message ({@code errors}' global error).
     */
    Receiving.ReceiptRequest receipt(ReceiveForm form, Map<UUID, String> typed, BindingResult errors) {
        List<Receiving.ReceiptLineRequest> lines = typed.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new Receiving.ReceiptLineRequest(e.getKey(), FormNumbers.decimal(e.getValue()))).toList();
        String note = text(form.note()).trim();
        Receiving.ReceiptRequest request = new Receiving.ReceiptRequest(uuid(form.locationId()), note,
                "true".equals(form.confirmOverReceipt()), lines);
        Set<String> refused = refused(request);
        if (refused.stream().anyMatch(path -> path.startsWith("lines["))) {
            errors.reject("purchasing.receive.quantityInvalid");
        } else if (refused.contains("lines")) {
            errors.reject(PurchasingProblem.EMPTY_RECEIPT.messageKey());
        } else if (refused.contains("note")) {
            errors.reject("purchasing.receive.noteTooLong");
        }
        return request;
    }

    /** The unknown item first, then the quantity, then the cost (typed but not a number is refused too). */
    private static String lineError(ItemInfo item, String typedCost, boolean quantityRefused, boolean costRefused) {
        if (item == null) {
            return PurchasingProblem.UNKNOWN_ITEM.messageKey();
        }
        if (quantityRefused) {
            return "purchasing.form.quantityInvalid";
        }
        boolean costUnreadable = !typedCost.isEmpty() && FormNumbers.decimal(typedCost) == null;
        return costRefused || costUnreadable ? "purchasing.form.costInvalid" : null;
    }

    private Set<String> refused(Object request) {
        Set<String> paths = new HashSet<>();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            paths.add(violation.getPropertyPath().toString());
        }
        return paths;
    }

    private static void reject(Set<String> refused, String path, String field, String key, BindingResult errors) {
        if (refused.contains(path) && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, key);
        }
    }

    private Map<UUID, ItemInfo> items(OrderForm form) {
        return catalog.findAll(form.itemId().stream().map(PurchaseForms::uuid).filter(Objects::nonNull).toList());
    }

    private static LocalDate date(String text, String field, BindingResult errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "purchasing.form.dateInvalid");
            return null;
        }
    }

    static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A line's value as typed, trimmed; none is blank. */
    private static String at(List<String> values, int index) {
        return index < values.size() && values.get(index) != null ? values.get(index).trim() : "";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
