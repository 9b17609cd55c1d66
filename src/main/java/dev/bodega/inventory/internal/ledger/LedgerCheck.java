package dev.bodega.inventory.internal.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The ledger invariant (DESIGN.md): every level's on hand equals the sum of its ledger rows. */
@Service
public class LedgerCheck {

    record Mismatch(UUID locationId, String locationName, UUID itemId, String sku, BigDecimal onHand,
                    BigDecimal ledgerTotal) {
    }

    public record Result(boolean consistent, List<Mismatch> mismatches) {
    }

    record TenantMismatch(UUID tenantId, String tenantSlug, UUID locationId, UUID itemId, BigDecimal onHand,
                          BigDecimal ledgerTotal) {
    }

    private final JdbcClient jdbc;

    LedgerCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current tenant's mismatching levels, at the caller's locations. */
    @Transactional(readOnly = true)
    public Result currentTenant() {
        List<Mismatch> mismatches = jdbc.sql("""
                        SELECT m.location_id, loc.name AS location_name, m.item_id, i.sku, m.on_hand, m.ledger_total
                        FROM stock_ledger_mismatches m
                        JOIN locations loc ON loc.tenant_id = m.tenant_id AND loc.id = m.location_id
                        JOIN catalog_items i ON i.tenant_id = m.tenant_id AND i.id = m.item_id
                        ORDER BY lower(loc.name), lower(i.sku)""")
                .query(Mismatch.class).list();
        return new Result(mismatches.isEmpty(), mismatches);
    }

    /**
     * Every tenant's mismatching levels, through the SECURITY DEFINER function of migration V51 (the
     * application role alone sees one tenant per transaction). Run with no tenant in context.
     */
    @Transactional(readOnly = true)
    public List<TenantMismatch> allTenants() {
        return jdbc.sql("SELECT * FROM ledger_mismatches_all()").query(TenantMismatch.class).list();
    }
}
