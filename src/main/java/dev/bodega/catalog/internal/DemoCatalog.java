package dev.bodega.catalog.internal;

import dev.bodega.platform.DemoCompanyCreated;
import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo company's catalog: a hardware store and parts dealer with a
 * two-level category tree, a few hundred items (pieces and bulk materials in
 * kg, m, l and gal), valid EAN-13 barcodes, five suppliers and their links.
 * Generated deterministically and written with batched inserts, as the admin.
 */
@Component
class DemoCatalog {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    DemoCatalog(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Before the other modules' demo data, which stocks and sells these items. */
    @EventListener
    @Order(10)
    void onDemoCompany(DemoCompanyCreated created) {
        long started = System.nanoTime();
        var scope = new TenantContext.Scope(created.tenantId(), created.adminUserId(), null, "demo-seed");
        int items = TenantContext.callAs(scope, () -> transactions.execute(tx -> seed(created.tenantId())));
        log.info("Demo catalog: {} items in {} ms", items, (System.nanoTime() - started) / 1_000_000);
    }

    /** Writes the whole catalog into the current tenant; returns how many items. */
    int seed(UUID tenantId) {
        DemoCatalogData.Data data = DemoCatalogData.generate();
        Map<String, UUID> categoryIds = insertCategories(tenantId, data.categories());
        Map<String, UUID> supplierIds = insertSuppliers(tenantId, data.suppliers());
        List<SqlParameterSource> items = new ArrayList<>();
        List<SqlParameterSource> links = new ArrayList<>();
        for (DemoCatalogData.Item item : data.items()) {
            UUID id = Ids.next();
            items.add(new MapSqlParameterSource()
                    .addValue("tenant", tenantId).addValue("id", id).addValue("sku", item.sku())
                    .addValue("barcode", item.barcode()).addValue("name", item.name())
                    .addValue("description", item.description()).addValue("brand", item.brand())
                    .addValue("category", categoryIds.get(item.category())).addValue("kind", item.kind())
                    .addValue("unit", item.unit()).addValue("cost", item.costPrice()).addValue("sale", item.salePrice())
                    .addValue("min", item.minStock()).addValue("max", item.maxStock())
                    .addValue("mdays", item.manufacturerDays()).addValue("sdays", item.supplierDays()));
            for (int i = 0; i < item.suppliers().size(); i++) {
                links.add(new MapSqlParameterSource()
                        .addValue("tenant", tenantId).addValue("item", id)
                        .addValue("supplier", supplierIds.get(item.suppliers().get(i)))
                        .addValue("code", item.suppliers().get(i).substring(0, 3).toUpperCase() + "-" + item.sku())
                        .addValue("price", i == 0 ? item.costPrice()
                                : item.costPrice().multiply(new BigDecimal("1.04")).setScale(2, RoundingMode.HALF_UP))
                        .addValue("lead", item.supplierDays() + i * 3).addValue("preferred", i == 0));
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO items (tenant_id, id, sku, barcode, name, description, brand, category_id, kind, unit_code,
                                   cost_price, sale_price, min_stock, max_stock, manufacturer_delivery_days,
                                   supplier_delivery_days)
                VALUES (:tenant, :id, :sku, :barcode, :name, :description, :brand, :category, :kind, :unit,
                        :cost, :sale, :min, :max, :mdays, :sdays)""", items.toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate("""
                INSERT INTO item_suppliers (tenant_id, item_id, supplier_id, supplier_code, last_price, lead_time_days,
                                            preferred)
                VALUES (:tenant, :item, :supplier, :code, :price, :lead, :preferred)""",
                links.toArray(SqlParameterSource[]::new));
        return items.size();
    }

    /** Parents before children (the list is in that order); returns path → id. */
    private Map<String, UUID> insertCategories(UUID tenantId, List<String> paths) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        List<SqlParameterSource> rows = new ArrayList<>();
        for (String path : paths) {
            int slash = path.lastIndexOf('/');
            UUID id = Ids.next();
            ids.put(path, id);
            rows.add(new MapSqlParameterSource().addValue("tenant", tenantId).addValue("id", id)
                    .addValue("parent", slash < 0 ? null : ids.get(path.substring(0, slash)))
                    .addValue("name", path.substring(slash + 1)));
        }
        jdbc.batchUpdate("INSERT INTO categories (tenant_id, id, parent_id, name) VALUES (:tenant, :id, :parent, :name)",
                rows.toArray(SqlParameterSource[]::new));
        return ids;
    }

    private Map<String, UUID> insertSuppliers(UUID tenantId, List<DemoCatalogData.Supplier> suppliers) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        List<SqlParameterSource> rows = new ArrayList<>();
        for (DemoCatalogData.Supplier supplier : suppliers) {
            UUID id = Ids.next();
            ids.put(supplier.key(), id);
            rows.add(new MapSqlParameterSource().addValue("tenant", tenantId).addValue("id", id)
                    .addValue("name", supplier.name()).addValue("taxId", supplier.taxId())
                    .addValue("contact", supplier.contact()).addValue("email", supplier.email())
                    .addValue("phone", supplier.phone()).addValue("city", supplier.city()));
        }
        jdbc.batchUpdate("""
                        INSERT INTO suppliers (tenant_id, id, name, tax_id, contact_name, email, phone, city, country)
                        VALUES (:tenant, :id, :name, :taxId, :contact, :email, :phone, :city, 'CO')""",
                rows.toArray(SqlParameterSource[]::new));
        return ids;
    }
}
