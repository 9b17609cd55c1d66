package dev.bodega.catalog.internal;

import dev.bodega.catalog.CatalogSetup;
import dev.bodega.catalog.internal.categories.Categories;
import dev.bodega.catalog.internal.models.VehicleModels;
import dev.bodega.catalog.internal.items.ItemRequest;
import dev.bodega.catalog.internal.items.Items;
import dev.bodega.catalog.internal.suppliers.Suppliers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link CatalogSetup} on the services behind the API: {@link Categories}, {@link Suppliers}, {@link Items}. */
@Service
class CatalogSetupService implements CatalogSetup {

    private final Categories categories;
    private final Suppliers suppliers;
    private final Items items;
    private final ItemSuppliers itemSuppliers;
    private final VehicleModels vehicleModels;

    CatalogSetupService(Categories categories, Suppliers suppliers, Items items, ItemSuppliers itemSuppliers,
                        VehicleModels vehicleModels) {
        this.vehicleModels = vehicleModels;
        this.categories = categories;
        this.suppliers = suppliers;
        this.items = items;
        this.itemSuppliers = itemSuppliers;
    }

    @Override
    @Transactional
    public Map<String, UUID> categories(List<String> paths) {
        Map<String, UUID> known = new HashMap<>();
        Map<String, UUID> ids = new LinkedHashMap<>();
        paths.forEach(path -> ids.put(path, categories.resolvePath(path, known)));
        return ids;
    }

    @Override
    public UUID createSupplier(NewSupplier s) {
        return suppliers.create(new Suppliers.SupplierRequest(s.name(), s.taxId(), s.contactName(), s.email(),
                s.phone(), null, s.city(), s.country(), null, true)).id();
    }

    @Override
    @Transactional
    public Map<String, UUID> createVehicleModels(List<NewVehicleModel> models) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (NewVehicleModel model : models) {
            UUID id = vehicleModels.create(new VehicleModels.ModelRequest(model.name(), model.power(),
                    model.description())).id();
            model.compatibleItemIds().forEach(item -> vehicleModels.markCompatible(id, item));
            ids.put(model.name(), id);
        }
        return ids;
    }

    @Override
    @Transactional
    public Map<String, UUID> createItems(List<NewItem> newItems) {
        List<UUID> ids = items.createAll(newItems.stream().map(i -> new ItemRequest(i.sku(), i.barcode(), i.name(),
                i.description(), i.brand(), i.categoryId(), i.kind(), i.unitCode(), i.costPrice(), i.salePrice(),
                i.minStock(), i.maxStock(), false, null, i.manufacturerDeliveryDays(), i.supplierDeliveryDays(),
                false, null, null, true)).toList());
        Map<String, UUID> bySku = new LinkedHashMap<>();
        List<ItemSuppliers.NewLink> links = new ArrayList<>();
        for (int i = 0; i < newItems.size(); i++) {
            NewItem item = newItems.get(i);
            bySku.put(item.sku(), ids.get(i));
            for (int k = 0; k < item.offers().size(); k++) {
                Offer offer = item.offers().get(k);
                links.add(new ItemSuppliers.NewLink(ids.get(i), offer.supplierId(), new ItemSuppliers.LinkRequest(
                        offer.supplierCode(), offer.lastPrice(), offer.leadTimeDays(), k == 0)));
            }
        }
        itemSuppliers.addAll(links);
        return bySku;
    }
}
