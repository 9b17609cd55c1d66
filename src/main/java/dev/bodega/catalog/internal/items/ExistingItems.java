package dev.bodega.catalog.internal.items;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The company's live SKUs and barcodes as an import found them, read once with one scan. Per-batch probes of
 * the items table cannot be trusted to use the right index while the import's own rows are uncommitted: the
 * planner, seeing statistics without them, scans the whole company by tenant and the import turns quadratic.
 * The import keeps this snapshot current with what it writes; the unique indexes still refuse any race.
 */
public final class ExistingItems {

    private final Set<String> skus = new HashSet<>();
    private final Map<String, String> barcodeOwners = new HashMap<>();
    private final Set<String> rewritten = new HashSet<>();
    private long live;

    public static ExistingItems load(JdbcClient jdbc) {
        ExistingItems existing = new ExistingItems();
        jdbc.sql("SELECT sku_key, barcode FROM items WHERE deleted_at IS NULL").query(rs -> {
            existing.skus.add(rs.getString(1));
            String barcode = rs.getString(2);
            if (barcode != null) {
                existing.barcodeOwners.put(barcode, rs.getString(1));
            }
        });
        existing.live = existing.skus.size();
        return existing;
    }

    public boolean isNew(String skuKey) {
        return !skus.contains(skuKey);
    }

    public long live() {
        return live;
    }

    /**
     * The SKU of another item holding this barcode, or null. An owner rewritten by an earlier row of the import
     * no longer holds it: a row keeping the same barcode would have been refused as a repeat within the file.
     */
    public String otherOwner(String barcode, String skuKey) {
        String owner = barcodeOwners.get(barcode);
        return owner == null || owner.equals(skuKey) || rewritten.contains(owner) ? null : owner;
    }

    /** A row for this SKU passed the barcode check and will be written before any later row. */
    public void rewriting(String skuKey) {
        rewritten.add(skuKey);
    }

    public void written(String skuKey) {
        if (skus.add(skuKey)) {
            live++;
        }
    }
}
