package dev.bodega.inventory.internal.stock;

import dev.bodega.inventory.internal.locations.Locations;
import dev.bodega.platform.FirstStep;
import dev.bodega.platform.HomeSection;
import dev.bodega.platform.HomeSection.Card;
import dev.bodega.platform.TenantContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The inventory cards of the home page. Every figure is over the user's own locations, so a technician who works
 * at a few sees his work there: his locations, what runs low at them, his adjustments still waiting.
 */
@Configuration(proxyBeanMethods = false)
class InventoryHomeSections {

    static final int LOW_STOCK_SHOWN = 5;

    record MyLocation(UUID id, String name, long low) {
    }

    record LowStockCard(long count, List<StockReports.LowStockRow> first) {
    }

    /** Only for a user who works at some locations, not all: where his work is. */
    @Bean
    HomeSection myLocations(JdbcClient jdbc, Locations locations, StockReports reports) {
        return new HomeSection(150, "inventory.read", actor -> {
            if (jdbc.sql("SELECT app_sees_all_locations()").query(Boolean.class).single()) {
                return Optional.empty();
            }
            Map<UUID, Long> low = reports.lowStockByLocation();
            List<MyLocation> mine = locations.workable().stream()
                    .map(l -> new MyLocation(l.id(), l.name(), low.getOrDefault(l.id(), 0L))).toList();
            return Optional.of(new Card("inventory/home :: my-locations", mine));
        });
    }

    /** Postings others asked for, waiting for approval (nobody approves their own). */
    @Bean
    HomeSection approvalsWaiting(JdbcClient jdbc) {
        return new HomeSection(300, "inventory.approve", actor -> Optional.of(new Card("inventory/home :: approvals",
                jdbc.sql("""
                                SELECT count(*) FROM movement_approvals
                                WHERE tenant_id = :tenant AND status = 'pending' AND requested_by <> :me""")
                        .param("tenant", TenantContext.tenantId()).param("me", actor.userId())
                        .query(Long.class).single())));
    }

    @Bean
    HomeSection lowStock(StockReports reports) {
        return new HomeSection(310, "inventory.read", actor -> Optional.of(new Card("inventory/home :: low-stock",
                new LowStockCard(reports.count(), reports.lowStock(null, null, LOW_STOCK_SHOWN).items()))));
    }

    /** Shown while some of the user's own adjustments wait for someone's approval. */
    @Bean
    HomeSection myPendingAdjustments(JdbcClient jdbc) {
        return new HomeSection(330, "inventory.adjust", actor -> {
            long pending = jdbc.sql("""
                            SELECT count(*) FROM stock_adjustments
                            WHERE tenant_id = :tenant AND status = 'pending' AND requested_by = :me""")
                    .param("tenant", TenantContext.tenantId()).param("me", actor.userId())
                    .query(Long.class).single();
            return pending == 0 ? Optional.empty() : Optional.of(new Card("inventory/home :: my-adjustments", pending));
        });
    }

    @Bean
    FirstStep firstStore(JdbcClient jdbc) {
        return new FirstStep(10, "home.step.store", "/inventory/locations", "inventory.manage", () -> jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM locations WHERE tenant_id = :tenant AND kind = 'store')")
                .param("tenant", TenantContext.tenantId()).query(Boolean.class).single());
    }

    @Bean
    FirstStep firstReceipt(JdbcClient jdbc) {
        return new FirstStep(30, "home.step.receive", "/inventory/receive", "inventory.receive", () -> jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM stock_ledger WHERE tenant_id = :tenant AND quantity > 0)")
                .param("tenant", TenantContext.tenantId()).query(Boolean.class).single());
    }
}
