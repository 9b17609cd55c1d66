package dev.bodega.demo.internal;

import dev.bodega.catalog.CatalogItems;
import dev.bodega.catalog.ItemInfo;
import dev.bodega.inventory.InventorySetup;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.Companies;
import dev.bodega.platform.PartnerSetup;
import dev.bodega.service.MachineSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Seed 004's partner network: the manufacturer and a supplier under it, two customer organizations, each with its
 * own warehouse and two machines with a year of monthly hour readings, a partner admin and a partner user
 * (cliente@ and operario@demo.bodega for the first, cliente2@ and operario2@ for the second), opening stock of a
 * few parts in its warehouse and six weeks of parts used on its machines, recorded by its partner user.
 */
@Component
class DemoPartners {

    /** The partner users' logins, by organization, as the README lists them. */
    private static final List<List<String>> USERS = List.of(
            List.of("cliente@demo.bodega", "Camila Cliente", "operario@demo.bodega", "Óscar Operario"),
            List.of("cliente2@demo.bodega", "Andrés Acuña", "operario2@demo.bodega", "Olga Ortiz"));
    private static final int PARTS = 5;
    private static final int WEEKS = 6;
    private static final Logger log = LoggerFactory.getLogger(DemoPartners.class);

    private record Customer(UUID organization, UUID warehouse, List<UUID> machines) {
    }

    private final PartnerSetup partners;
    private final InventorySetup inventory;
    private final MachineSetup machines;
    private final Companies companies;
    private final CatalogItems catalog;
    private final StockPostings postings;
    private final DemoScope scope;

    DemoPartners(PartnerSetup partners, InventorySetup inventory, MachineSetup machines, Companies companies,
                 CatalogItems catalog, StockPostings postings, DemoScope scope) {
        this.partners = partners;
        this.inventory = inventory;
        this.machines = machines;
        this.companies = companies;
        this.catalog = catalog;
        this.postings = postings;
        this.scope = scope;
    }

    void seed(UUID tenantId, UUID adminUserId) {
        List<Customer> customers = scope.as(tenantId, adminUserId, () -> {
            UUID maker = partners.createOrganization(new PartnerSetup.NewOrganization("BossAqua", "manufacturer", null,
                    "Tallinn, Estonia", "service@bossaqua.example"));
            partners.createOrganization(new PartnerSetup.NewOrganization("Filtros del Pacífico", "supplier", maker,
                    "Buenaventura", "ventas@filtrospacifico.example"));
            return List.of(customer("Granja Marina del Sur", "Tumaco", "GMS", 0),
                    customer("Acuícola Los Andes", "Neiva", "ALA", 1));
        });
        List<ItemInfo> parts = scope.as(tenantId, null, () -> parts(catalog.active()));
        for (int n = 0; n < customers.size(); n++) {
            Customer customer = customers.get(n);
            List<String> users = USERS.get(n);
            companies.addPartnerUser(tenantId, customer.organization(), users.get(0), users.get(1), DemoStart.PASSWORD,
                    "partner_admin");
            UUID operator = companies.addPartnerUser(tenantId, customer.organization(), users.get(2), users.get(3),
                    DemoStart.PASSWORD, "partner_user");
            scope.run(tenantId, adminUserId, () -> openingStock(customer, parts));
            int offset = n;
            scope.runAsPartner(tenantId, operator, customer.organization(), () -> usageHistory(customer, parts, offset));
        }
        log.info("Demo partners: {} customer organizations with their users, stock and {} weeks of part usage",
                customers.size(), WEEKS);
    }

    private Customer customer(String name, String city, String code, int offset) {
        UUID organization = partners.createOrganization(new PartnerSetup.NewOrganization(name, "customer", null, city,
                "compras@" + code.toLowerCase() + ".example"));
        UUID warehouse = inventory.createLocation(new InventorySetup.NewLocation("Bodega " + name, "warehouse", city,
                null, organization));
        LocalDate bought = LocalDate.now().minusMonths(14 + offset);
        List<UUID> owned = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            UUID machine = machines.registerMachine(new MachineSetup.NewMachine("AB-" + code + "-00" + n,
                    "AutoBoss " + code + " " + n, n == 1 ? "V4.0" : "V3.1", organization, bought, bought.plusYears(2),
                    "Estanque " + n));
            Instant first = Instant.now().minus(Duration.ofDays(360));
            for (int month = 0; month < 12; month++) {
                BigDecimal hours = BigDecimal.valueOf((long) (month + 1) * (140 + 20L * n + 10L * offset));
                machines.recordReading(machine, "hours", hours, first.plus(Duration.ofDays(30L * month)));
            }
            owned.add(machine);
        }
        return new Customer(organization, warehouse, owned);
    }

    /** A few parts counted in whole units, spread over the catalog: what the customers keep and use. */
    private static List<ItemInfo> parts(List<ItemInfo> items) {
        List<ItemInfo> whole = items.stream().filter(i -> i.unitDecimals() == 0).toList();
        List<ItemInfo> chosen = new ArrayList<>();
        for (int i = 0; i < PARTS && !whole.isEmpty(); i++) {
            chosen.add(whole.get(i * whole.size() / PARTS));
        }
        return chosen;
    }

    private void openingStock(Customer customer, List<ItemInfo> parts) {
        List<StockPostings.Line> lines = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            lines.add(StockPostings.Line.in(customer.warehouse(), parts.get(i).id(), MovementType.OPENING_BALANCE,
                    BigDecimal.valueOf(20L + 5L * i), parts.get(i).costPrice()));
        }
        postings.post(new StockPostings.Posting("opening_balance", "demo", null, null, null, lines));
    }

    /** Each machine uses a part about twice a week, in turn, one or two at a time. */
    private void usageHistory(Customer customer, List<ItemInfo> parts, int offset) {
        Instant start = Instant.now().minus(Duration.ofDays(7L * WEEKS));
        for (int day = 0; day < 7 * WEEKS; day += 3) {
            for (int m = 0; m < customer.machines().size(); m++) {
                int turn = day / 3 + m + offset;
                if (parts.isEmpty() || turn % 2 == 1 && m == 1) {
                    continue;
                }
                machines.recordUsage(new MachineSetup.Usage(customer.machines().get(m), customer.warehouse(),
                        parts.get(turn % parts.size()).id(), BigDecimal.valueOf(1 + turn % 2),
                        start.plus(Duration.ofDays(day).plusHours(9 + m)), turn % 4 == 0 ? "Mantenimiento semanal" : null));
            }
        }
    }
}
