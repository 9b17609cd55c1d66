package dev.bodega.sales.internal.reports;

import dev.bodega.inventory.LowStock;
import dev.bodega.platform.Actor;
import dev.bodega.platform.Reporting;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/** The sales dashboard's figures, read in one transaction so they agree with each other. */
@Service
class Dashboard {

    static final int DAYS = 30;

    /** {@code lowStock} is null for a user who may not see stock. */
    record View(SalesReports.Summary today, SalesReports.Summary period, SalesReports.PerDay perDay,
                SalesReports.TopItems topByQuantity, SalesReports.TopItems topByRevenue, Long lowStock) {
    }

    private final SalesReports reports;
    private final LowStock lowStock;

    Dashboard(SalesReports reports, LowStock lowStock) {
        this.reports = reports;
        this.lowStock = lowStock;
    }

    @Reporting
    public View view() {
        LocalDate today = reports.today();
        SalesReports.Period period = new SalesReports.Period(today.minusDays(DAYS - 1L), today);
        Long low = Actor.current().filter(actor -> actor.can("inventory.read")).map(actor -> lowStock.count()).orElse(null);
        SalesReports.Overview overview = reports.overview(period);
        SalesReports.Tops tops = reports.tops(period, SalesReports.TOP_LIMIT);
        return new View(reports.day(today), overview.summary(), overview.perDay(), tops.byQuantity(), tops.byRevenue(),
                low);
    }
}
