package dev.bodega.catalog.internal.items;

import dev.bodega.catalog.internal.Violation;
import dev.bodega.catalog.internal.categories.Categories;
import dev.bodega.catalog.internal.units.Units;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * The rules of an item beyond single-field validation, the same for the API,
 * the pages and CSV import: the unit exists and its decimals bound the stock
 * levels, a consumable is counted in whole units, min ≤ max, images are web
 * addresses, the category is active.
 */
@Component
public class ItemRules {

    /** An item that passed every rule, with defaults filled in and text trimmed. */
    public record ValidItem(String sku, String barcode, String name, String description, String brand, UUID categoryId,
                     String kind, String unitCode, BigDecimal costPrice, BigDecimal salePrice, BigDecimal minStock,
                     BigDecimal maxStock, boolean proprietary, String manufacturerPartNumber,
                     Integer manufacturerDeliveryDays, Integer supplierDeliveryDays, boolean discontinued,
                     LocalDate restockEta, List<String> imageUrls, boolean active) {
    }

    private final Units units;
    private final Categories categories;

    ItemRules(Units units, Categories categories) {
        this.units = units;
        this.categories = categories;
    }

    /**
     * What is wrong with {@code request} beyond its annotations; {@code checkCategory} is false when the
     * category did not change (an item may stay in a category deactivated since) or is resolved elsewhere.
     */
    public List<Violation> violations(ItemRequest request, boolean checkCategory) {
        List<Violation> found = new ArrayList<>();
        var unit = units.find(unitCode(request));
        if (unit.isEmpty()) {
            found.add(new Violation("unitCode", "catalog.item.unit.unknown", unitCode(request)));
        } else {
            int decimals = unit.get().decimals();
            if (ItemRequest.CONSUMABLE.equals(kind(request)) && decimals > 0) {
                found.add(new Violation("unitCode", "catalog.item.unit.consumable", unit.get().code()));
            }
            checkDecimals(found, "minStock", request.minStock(), decimals);
            checkDecimals(found, "maxStock", request.maxStock(), decimals);
        }
        if (request.minStock() != null && request.maxStock() != null
                && request.maxStock().compareTo(request.minStock()) < 0) {
            found.add(new Violation("maxStock", "catalog.item.maxBelowMin"));
        }
        for (String url : imageUrls(request)) {
            if (!isWebAddress(url)) {
                found.add(new Violation("imageUrls", "catalog.item.imageUrl.invalid", url));
            }
        }
        if (checkCategory && request.categoryId() != null && !categories.isActive(request.categoryId())) {
            found.add(new Violation("categoryId", "catalog.item.category.unknown"));
        }
        return found;
    }

    public ValidItem normalize(ItemRequest r) {
        return new ValidItem(r.sku().trim(), blankToNull(r.barcode()), r.name().trim(), blankToNull(r.description()),
                blankToNull(r.brand()), r.categoryId(), kind(r), unitCode(r), orZero(r.costPrice()),
                orZero(r.salePrice()), orZero(r.minStock()), r.maxStock(), Boolean.TRUE.equals(r.proprietary()),
                blankToNull(r.manufacturerPartNumber()), r.manufacturerDeliveryDays(), r.supplierDeliveryDays(),
                Boolean.TRUE.equals(r.discontinued()), r.restockEta(), imageUrls(r), !Boolean.FALSE.equals(r.active()));
    }

    /** Image addresses, one per entry or separated by spaces or new lines (a page's text area). */
    static List<String> imageUrls(ItemRequest request) {
        if (request.imageUrls() == null) {
            return List.of();
        }
        return request.imageUrls().stream().filter(Objects::nonNull)
                .flatMap(entry -> Arrays.stream(entry.trim().split("\\s+")))
                .filter(url -> !url.isEmpty())
                .toList();
    }

    static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkDecimals(List<Violation> found, String field, BigDecimal quantity, int decimals) {
        if (quantity != null && quantity.stripTrailingZeros().scale() > decimals) {
            found.add(new Violation(field, "catalog.item.quantity.decimals", decimals));
        }
    }

    private static String kind(ItemRequest request) {
        return request.kind() == null || request.kind().isBlank() ? ItemRequest.CONSUMABLE : request.kind();
    }

    private static String unitCode(ItemRequest request) {
        return request.unitCode() == null || request.unitCode().isBlank() ? "pcs" : request.unitCode().trim();
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

}
