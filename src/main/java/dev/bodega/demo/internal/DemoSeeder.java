package dev.bodega.demo.internal;

import dev.bodega.insights.DemandForecasts;
import dev.bodega.platform.TenantContext;
import dev.bodega.demo.DemoData;
import dev.bodega.platform.Companies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** {@link DemoData} in its one order: each step builds on what the previous ones made. */
@Component
class DemoSeeder implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final Companies companies;
    private final DemoCatalog catalog;
    private final DemoStock stock;
    private final DemoSales sales;
    private final DemoPurchases purchases;
    private final DemoRequests requests;
    private final DemoScope scope;
    private final DemoVehicles vehicles;
    private final DemoCounts counts;
    private final DemoService service;
    private final DemoPartners partners;
    private final DemandForecasts forecasts;
    private final DemoInbox inbox;
    private final DemoOrders orders;

    DemoSeeder(Companies companies, DemoCatalog catalog, DemoStock stock, DemoSales sales, DemoPurchases purchases,
               DemoRequests requests, DemoScope scope, DemoVehicles vehicles, DemoService service,
               DemoCounts counts, DemoPartners partners, DemandForecasts forecasts, DemoInbox inbox,
               DemoOrders orders) {
        this.inbox = inbox;
        this.orders = orders;
        this.vehicles = vehicles;
        this.companies = companies;
        this.catalog = catalog;
        this.stock = stock;
        this.sales = sales;
        this.purchases = purchases;
        this.requests = requests;
        this.scope = scope;
        this.service = service;
        this.counts = counts;
        this.partners = partners;
        this.forecasts = forecasts;
    }

    @Override
    public void fill(UUID tenantId, UUID adminUserId) {
        long started = System.nanoTime();
        DemoUsers users = scope.as(tenantId, null, () -> DemoUsers.find(companies, adminUserId));
        List<DemoCatalog.Supplier> suppliers = catalog.seed(tenantId, adminUserId);
        DemoStock.Stocked stocked = stock.seed(tenantId, users);
        // Counted before the sales history is made: the sales at the workshop happen while it is being counted.
        counts.seed(tenantId, users, stocked);
        sales.seed(tenantId, users, stocked);
        purchases.seed(tenantId, users, suppliers, stocked.locations().get(DemoStock.CENTRAL));
        requests.seed(tenantId, users, stocked);
        vehicles.seed(tenantId, adminUserId);
        service.seed(tenantId, users, stocked.locations().get(DemoStock.WORKSHOP));
        partners.seed(tenantId, adminUserId);
        orders.seed(tenantId, users, stocked);
        inbox.seed(tenantId, users);
        // Outside a transaction of its own: the run commits as it goes, with its progress.
        TenantContext.runAs(new TenantContext.Scope(tenantId, null, null, DemoScope.SOURCE),
                forecasts::forecastLastClosedDay);
        log.info("Demo data: done in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
