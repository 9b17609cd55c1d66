package dev.bodega.inventory.internal.ledger;

import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.platform.UsageFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The plan's stock movements a year (seed 004: 7,500 ledger rows; tenants.max_stock_movements_per_year). A company
 * with a limit has its postings wait for each other on its tenant row, so two cannot both take the last places; a
 * company without one pays nothing for it. Also the operator console's "movements this year".
 */
@Component
class MovementQuota implements UsageFigure {

    private final JdbcClient jdbc;
    private final TenantSettingsService settings;

    MovementQuota(JdbcClient jdbc, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Refuses a posting of {@code rows} ledger rows that would pass the limit. Within the posting's transaction. */
    void check(int rows) {
        Long room = room(settings.current());
        if (room != null && rows > room) {
            throw refusal(settings.current().maxStockMovementsPerYear());
        }
    }

    /** How many more rows this year, or null for no limit; locks the tenant row when there is one. */
    Long room(TenantSettings company) {
        if (company.maxStockMovementsPerYear() == null) {
            return null;
        }
        int limit = settings.currentLocked().maxStockMovementsPerYear();
        return Math.max(0, limit - used());
    }

    static ErrorResponseException refusal(int limit) {
        return Problems.of(InventoryProblem.MAX_STOCK_MOVEMENTS,
                "The company's plan allows " + limit + " stock movements a year");
    }

    @Override
    public String key() {
        return "movementsThisYear";
    }

    @Override
    public long count(TenantSettings company) {
        return used();
    }

    private long used() {
        return jdbc.sql("SELECT stock_movements_this_year()").query(Long.class).single();
    }
}
