package dev.bodega.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A company's catalog written by another module (the demo company): categories, suppliers, and items with
 * their suppliers, under the catalog's rules (the unit and its decimals, min ≤ max, an active category, SKU and
 * barcode unique). Joins the caller's transaction, under the caller's tenant.
 */
public interface CatalogSetup {

    record NewSupplier(String name, String taxId, String contactName, String email, String phone, String city,
                       String country) {
    }

    /** A supplier's offer of an item: its own code for it, its last price and its lead time. */
    record Offer(UUID supplierId, String supplierCode, BigDecimal lastPrice, Integer leadTimeDays) {
    }

    /** {@code kind}: consumable or bulk_material. The first of {@code offers} is the preferred supplier. */
    record NewItem(String sku, String barcode, String name, String description, String brand, UUID categoryId,
                   String kind, String unitCode, BigDecimal costPrice, BigDecimal salePrice, BigDecimal minStock,
                   BigDecimal maxStock, Integer manufacturerDeliveryDays, Integer supplierDeliveryDays,
                   List<Offer> offers) {
    }

    /** The category at each path ("Herramientas/Manuales"), creating the levels missing; path → id. */
    Map<String, UUID> categories(List<String> paths);

    UUID createSupplier(NewSupplier supplier);

    /** Creates every item or none (a 400 or 409 problem says why); SKU → id. */
    Map<String, UUID> createItems(List<NewItem> items);

    /** A vehicle model and the items that fit it. */
    record NewVehicleModel(String name, String power, String description, List<UUID> compatibleItemIds) {
    }

    /** Creates the vehicle models with their compatible items; name → id. */
    Map<String, UUID> createVehicleModels(List<NewVehicleModel> models);
}
