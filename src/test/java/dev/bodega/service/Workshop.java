package dev.bodega.service;

import dev.bodega.inventory.InventorySetup;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A company with a workshop, a technician working there, and a part in stock, for the service tests. */
final class Workshop {

    final TestFixtures.Tenant tenant;
    final UUID location;
    final UUID technician;
    final String technicianEmail;
    private final StockFixtures stock;
    private final StockPostings postings;

    private Workshop(TestFixtures.Tenant tenant, UUID location, UUID technician, String technicianEmail,
                     StockFixtures stock, StockPostings postings) {
        this.tenant = tenant;
        this.location = location;
        this.technician = technician;
        this.technicianEmail = technicianEmail;
        this.stock = stock;
        this.postings = postings;
    }

    /** The technician works at the workshop: their stock there is theirs to move, as for any user. */
    static Workshop open(TestFixtures fixtures, StockFixtures stock, StockPostings postings, InventorySetup inventory) {
        TestFixtures.Tenant tenant = fixtures.tenant();
        String email = "tecnico@" + tenant.slug() + ".test";
        UUID technician = fixtures.user(tenant, email, "technician");
        UUID location = stock.location(tenant, "Taller Norte");
        stock.asAdmin(tenant, () -> {
            inventory.assign(location, List.of(technician));
            return null;
        });
        return new Workshop(tenant, location, technician, email, stock, postings);
    }

    /** A piece item with {@code onHand} units received into the workshop at 2.50 each. */
    UUID part(String sku, int onHand) {
        UUID item = stock.item(tenant, sku, "pcs", BigDecimal.ZERO);
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> postings.post(new StockPostings.Posting(
                "receipt", "test", null, null, null, List.of(StockPostings.Line.in(location, item, MovementType.RECEIPT,
                BigDecimal.valueOf(onHand), new BigDecimal("2.50"))))));
        return item;
    }

    BigDecimal onHand(UUID item) {
        return stock.onHand(tenant, location, item);
    }

    long ledgerMismatches() {
        return stock.ledgerMismatches(tenant);
    }

    static String json(Api.Response response, String field) {
        return response.json().get(field).asString();
    }
}
