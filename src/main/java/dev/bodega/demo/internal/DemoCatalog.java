package dev.bodega.demo.internal;

import dev.bodega.catalog.CatalogSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo company's catalog: a hardware store and parts dealer with a two-level category tree, a few hundred
 * items (pieces and bulk materials in kg, m, l and gal), valid EAN-13 barcodes, five suppliers and their offers.
 * Generated deterministically ({@link DemoCatalogData}) and written through {@link CatalogSetup}, as the admin.
 */
@Component
class DemoCatalog {

    /** A demo supplier and what it offers, its preferred items first, then by SKU. */
    record Supplier(UUID id, String name, List<Offer> offers) {
    }

    record Offer(UUID itemId, BigDecimal price) {
    }

    private static final BigDecimal SECOND_SUPPLIER_MARKUP = new BigDecimal("1.04");
    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final CatalogSetup catalog;
    private final DemoScope scope;

    DemoCatalog(CatalogSetup catalog, DemoScope scope) {
        this.catalog = catalog;
        this.scope = scope;
    }

    /** Writes the catalog; returns its suppliers, by name. */
    List<Supplier> seed(UUID tenant, UUID admin) {
        long started = System.nanoTime();
        DemoCatalogData.Data data = DemoCatalogData.generate();
        List<Supplier> suppliers = scope.as(tenant, admin, () -> write(data));
        log.info("Demo catalog: {} items in {} ms", data.items().size(), (System.nanoTime() - started) / 1_000_000);
        return suppliers;
    }

    private List<Supplier> write(DemoCatalogData.Data data) {
        Map<String, UUID> categories = catalog.categories(data.categories());
        Map<String, UUID> suppliers = new LinkedHashMap<>();
        for (DemoCatalogData.Supplier s : data.suppliers()) {
            suppliers.put(s.key(), catalog.createSupplier(new CatalogSetup.NewSupplier(s.name(), s.taxId(),
                    s.contact(), s.email(), s.phone(), s.city(), "CO")));
        }
        Map<String, UUID> items = catalog.createItems(data.items().stream()
                .map(item -> newItem(item, categories, suppliers)).toList());
        return data.suppliers().stream().sorted(Comparator.comparing(DemoCatalogData.Supplier::name))
                .map(s -> new Supplier(suppliers.get(s.key()), s.name(), offers(s.key(), data.items(), items)))
                .toList();
    }

    private static CatalogSetup.NewItem newItem(DemoCatalogData.Item item, Map<String, UUID> categories,
                                                Map<String, UUID> suppliers) {
        List<CatalogSetup.Offer> offers = new ArrayList<>();
        for (int rank = 0; rank < item.suppliers().size(); rank++) {
            String key = item.suppliers().get(rank);
            offers.add(new CatalogSetup.Offer(suppliers.get(key), key.substring(0, 3).toUpperCase() + "-" + item.sku(),
                    price(item, rank), item.supplierDays() + rank * 3));
        }
        return new CatalogSetup.NewItem(item.sku(), item.barcode(), item.name(), item.description(), item.brand(),
                categories.get(item.category()), item.kind(), item.unit(), item.costPrice(), item.salePrice(),
                item.minStock(), item.maxStock(), item.manufacturerDays(), item.supplierDays(), offers);
    }

    /** The preferred supplier charges the item's cost, another one a little more. */
    private static BigDecimal price(DemoCatalogData.Item item, int rank) {
        return rank == 0 ? item.costPrice()
                : item.costPrice().multiply(SECOND_SUPPLIER_MARKUP).setScale(2, RoundingMode.HALF_UP);
    }

    private static List<Offer> offers(String supplier, List<DemoCatalogData.Item> items, Map<String, UUID> ids) {
        return items.stream().filter(item -> item.suppliers().contains(supplier))
                .sorted(Comparator.comparing((DemoCatalogData.Item item) -> item.suppliers().indexOf(supplier) > 0)
                        .thenComparing(DemoCatalogData.Item::sku))
                .map(item -> new Offer(ids.get(item.sku()), price(item, item.suppliers().indexOf(supplier))))
                .toList();
    }
}
