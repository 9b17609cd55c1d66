package dev.bodega.sales.internal.orders;

import dev.bodega.inventory.InventorySetup;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.PartnerSetup;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A company with stock at its central warehouse and two customer organizations, each with a warehouse and a
 * partner user: what every customer-order test starts from.
 */
record OrderWorld(TestFixtures.Tenant tenant, UUID shop, UUID item, UUID bulk, Org a, Org b) {

    record Org(UUID id, UUID warehouse, UUID user) {
    }

    static final Set<String> PARTNER = Set.of("portal.read", "portal.orders");

    static OrderWorld create(TestFixtures fixtures, StockFixtures stock, PartnerSetup partners,
                             InventorySetup inventory, StockPostings postings) {
        TestFixtures.Tenant tenant = fixtures.tenant();
        UUID item = stock.item(tenant, "FIL-1", "pcs", BigDecimal.ONE);
        UUID bulk = stock.item(tenant, "ACE-1", "l", BigDecimal.ONE);
        UUID shop = stock.location(tenant, "Bodega central");
        stock.asAdmin(tenant, () -> postings.post(new StockPostings.Posting("receipt", null, null, "test", null,
                List.of(StockPostings.Line.in(shop, item, MovementType.RECEIPT, new BigDecimal("20"), BigDecimal.ONE),
                        StockPostings.Line.in(shop, bulk, MovementType.RECEIPT, new BigDecimal("50"), BigDecimal.ONE)))));
        return new OrderWorld(tenant, shop, item, bulk, org(fixtures, stock, partners, inventory, tenant, "A"),
                org(fixtures, stock, partners, inventory, tenant, "B"));
    }

    private static Org org(TestFixtures fixtures, StockFixtures stock, PartnerSetup partners, InventorySetup inventory,
                           TestFixtures.Tenant tenant, String name) {
        UUID id = stock.asAdmin(tenant, () -> partners.createOrganization(
                new PartnerSetup.NewOrganization("Cliente " + name, "customer", null, null, null)));
        UUID warehouse = stock.asAdmin(tenant, () -> inventory.createLocation(
                new InventorySetup.NewLocation("Almacén " + name, "warehouse", null, null, id)));
        UUID user = fixtures.partnerUser(tenant, id, "u" + name.toLowerCase() + "@" + tenant.slug() + ".test",
                "partner_user");
        return new Org(id, warehouse, user);
    }

    <T> T as(Org org, Supplier<T> work) {
        return TestFixtures.asPartner(tenant.id(), org.user(), org.id(), PARTNER, work);
    }

    <T> T asStaff(Supplier<T> work) {
        return TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), work);
    }
}
