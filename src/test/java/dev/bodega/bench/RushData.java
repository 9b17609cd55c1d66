package dev.bodega.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Benchmark companies, made with set-based SQL as the superuser: signed up
 * through Bodega (admin, roles, API key), then two stores, items priced with
 * 19% tax included, customers, and opening stock posted through the ledger
 * (one posting whose ledger rows the ledger trigger applies, as any posting).
 */
final class RushData {

    static final int LOCATIONS = 2;
    static final String TAX_RATE = "19";

    /** Items and customers are listed in popularity rank order: items.get(0) is the Zipf favourite. */
    record Company(int index, BenchApp.Tenant tenant, List<UUID> locations, List<UUID> items, List<UUID> customers) {
    }

    /** A point of sale: one company's store and its own invoice series. */
    record Till(int index, Company company, int location, UUID seriesId) {

        UUID locationId() {
            return company.locations().get(location);
        }

        /** The seed procedure's twin of this till sells products of the same (company, store) block. */
        int block() {
            return company.index() * LOCATIONS + location;
        }
    }

    private RushData() {
    }

    /** Price of the item of a rank, the same in every company and in the seed's products. */
    static long priceCents(int rank) {
        return 100 + (rank * 7919L) % 9900;
    }

    static Company company(BenchApp app, int index, String slug, int items, int customers, long stockPerLevel)
            throws SQLException {
        BenchApp.Tenant tenant = app.tenant(slug);
        UUID id = tenant.id();
        return BenchSql.inTenant(app, id, s -> {
            s.execute("UPDATE tenants SET tax_rate = " + TAX_RATE + ", prices_include_tax = true, currency = 'USD' WHERE id = '" + id + "'");
            s.execute("""
                    INSERT INTO locations (tenant_id, id, name, kind)
                    SELECT '%s', %s, 'Tienda ' || n, 'store' FROM generate_series(1, %d) n""".formatted(id, BenchSql.uuid7("now()"), LOCATIONS));
            s.execute("""
                    INSERT INTO items (tenant_id, id, sku, barcode, name, unit_code, kind, cost_price, sale_price)
                    SELECT '%1$s', %2$s, 'R-' || lpad(n::text, 6, '0'), (%3$d + n)::text, 'Artículo ' || n, 'pcs', 'consumable',
                           round((100 + (n * 7919::bigint) %% 9900) * 0.006, 2), (100 + (n * 7919::bigint) %% 9900) / 100.0
                    FROM generate_series(0, %4$d - 1) n""".formatted(id, BenchSql.uuid7("now()"), barcodeBase(index), items));
            s.execute("""
                    INSERT INTO customers (tenant_id, id, document_type, document_number, first_name, last_name)
                    SELECT '%s', %s, 'CC', (10000000 + n)::text, 'Cliente', 'Número ' || n
                    FROM generate_series(0, %d - 1) n""".formatted(id, BenchSql.uuid7("now()"), customers));
            if (stockPerLevel > 0) {
                openingStock(s, id, stockPerLevel);
            }
            return new Company(index, tenant,
                    BenchSql.uuids(s, "SELECT id FROM locations WHERE tenant_id = '" + id + "' ORDER BY name"),
                    BenchSql.uuids(s, "SELECT id FROM items WHERE tenant_id = '" + id + "' ORDER BY sku"),
                    BenchSql.uuids(s, "SELECT id FROM customers WHERE tenant_id = '" + id + "' ORDER BY document_number"));
        });
    }

    /** Barcodes are 13 digits, unique per company. */
    static long barcodeBase(int company) {
        return 7_700_000_000_000L + company * 1_000_000L;
    }

    /**
     * One posting; its ledger rows go in lock order and the ledger trigger creates and fills the levels. RETURNING
     * keeps it runnable on Citus, which otherwise COPYs the rows of an ordered INSERT … SELECT into the shard, where
     * the ledger trigger's own statements cannot run.
     */
    private static void openingStock(java.sql.Statement s, UUID tenant, long quantity) throws SQLException {
        UUID posting = UUID.randomUUID();
        s.execute("INSERT INTO stock_postings (tenant_id, id, kind, note) VALUES ('%s', '%s', 'opening_balance', 'benchmark')"
                .formatted(tenant, posting));
        s.execute("""
                INSERT INTO stock_ledger (tenant_id, id, posting_id, location_id, item_id, movement_type, quantity,
                                          on_hand_before, on_hand_after, unit_cost)
                SELECT '%1$s', %2$s, '%3$s', l.id, i.id, 'opening_balance', %4$d, 0, 0, i.cost_price
                FROM locations l JOIN items i ON i.tenant_id = l.tenant_id
                WHERE l.tenant_id = '%1$s'
                ORDER BY l.id::text, i.id::text
                RETURNING id""".formatted(tenant, BenchSql.uuid7("now()"), posting, quantity));
    }

    /** Till k: company k mod n, store (k div n) mod 2, with its own series "T001"..., so tills spread like stores. */
    static List<Till> tills(BenchApp app, List<Company> companies, int count) throws SQLException {
        List<Till> tills = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Company company = companies.get(k % companies.size());
            int location = (k / companies.size()) % LOCATIONS;
            UUID series = UUID.randomUUID();
            String code = "T%03d".formatted(k + 1);
            BenchSql.inTenant(app, company.tenant().id(), s -> s.execute("""
                    INSERT INTO invoice_series (tenant_id, id, code, location_id, is_default)
                    VALUES ('%s', '%s', '%s', '%s', false)""".formatted(company.tenant().id(), series, code,
                    company.locations().get(location))));
            tills.add(new Till(k, company, location, series));
        }
        return tills;
    }
}
