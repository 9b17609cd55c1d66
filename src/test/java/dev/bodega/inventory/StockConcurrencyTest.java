package dev.bodega.inventory;

import dev.bodega.inventory.StockPostings.Line;
import dev.bodega.inventory.StockPostings.Posting;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.Together;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The contended paths of the posting engine, with exact expected results. */
@BodegaTest
class StockConcurrencyTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired Api api;

    @Test
    void fiftyTillsIssuingTheSameItemNeverOversell() throws Exception {
        var tenant = fixtures.tenant();
        UUID shop = stock.location(tenant, "Tienda");
        UUID item = stock.item(tenant, "HOT-1", "pcs", BigDecimal.ZERO);
        receive(tenant, shop, item, "40");

        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Callable<Void>> tills = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tills.add(() -> {
                var response = api.post(tenant.adminKey(), "/api/v1/stock/issues",
                        Map.of("locationId", shop, "lines", List.of(Map.of("itemId", item, "quantity", 1))));
                if (response.status() == 201) {
                    accepted.incrementAndGet();
                } else {
                    assertThat(response.status()).isEqualTo(409);
                    assertThat(response.json().get("type").asString()).endsWith("/insufficient-stock");
                    refused.incrementAndGet();
                }
                return null;
            });
        }
        Together.run(tills);

        assertThat(accepted.get()).isEqualTo(40);
        assertThat(refused.get()).isEqualTo(10);
        assertThat(stock.onHand(tenant, shop, item)).isEqualByComparingTo("0");
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    @Test
    void multiLinePostingsInRandomLineOrderNeitherDeadlockNorLoseUpdates() throws Exception {
        var tenant = fixtures.tenant();
        UUID warehouse = stock.location(tenant, "Bodega central");
        UUID workshop = stock.location(tenant, "Taller");
        List<UUID> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID item = stock.item(tenant, "MULTI-" + i, "pcs", BigDecimal.ZERO);
            items.add(item);
            receive(tenant, warehouse, item, "1000");
            receive(tenant, workshop, item, "1000");
        }
        int threads = 24;
        int postingsPerThread = 10;
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = t;
            workers.add(() -> {
                Random random = new Random(seed);
                for (int p = 0; p < postingsPerThread; p++) {
                    List<Line> lines = new ArrayList<>();
                    // Each posting moves 2 of every item from the warehouse to the workshop and issues 1 at the workshop.
                    for (UUID item : items) {
                        lines.add(Line.out(warehouse, item, MovementType.TRANSFER_OUT, new BigDecimal("2")));
                        lines.add(Line.in(workshop, item, MovementType.TRANSFER_IN, new BigDecimal("2"), null));
                        lines.add(Line.out(workshop, item, MovementType.ISSUE, BigDecimal.ONE));
                    }
                    Collections.shuffle(lines, random);
                    TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"),
                            () -> postings.post(new Posting("transfer", "test", null, null, null, lines)));
                }
                return null;
            });
        }
        Together.run(workers);

        int postingsDone = threads * postingsPerThread;
        for (UUID item : items) {
            assertThat(stock.onHand(tenant, warehouse, item)).isEqualByComparingTo(String.valueOf(1000 - 2 * postingsDone));
            assertThat(stock.onHand(tenant, workshop, item)).isEqualByComparingTo(String.valueOf(1000 + postingsDone));
        }
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    @Test
    void aPostingThatCannotBeFilledLeavesNothingBehind() {
        var tenant = fixtures.tenant();
        UUID shop = stock.location(tenant, "Tienda");
        UUID plenty = stock.item(tenant, "PLENTY", "pcs", BigDecimal.ZERO);
        UUID scarce = stock.item(tenant, "SCARCE", "pcs", BigDecimal.ZERO);
        receive(tenant, shop, plenty, "10");
        receive(tenant, shop, scarce, "1");

        var refused = api.post(tenant.adminKey(), "/api/v1/stock/issues", Map.of("locationId", shop, "lines", List.of(
                Map.of("itemId", plenty, "quantity", 3), Map.of("itemId", scarce, "quantity", 2))));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("itemId").asString()).isEqualTo(scarce.toString());
        assertThat(stock.onHand(tenant, shop, plenty)).isEqualByComparingTo("10");
        assertThat(stock.onHand(tenant, shop, scarce)).isEqualByComparingTo("1");
    }

    private void receive(TestFixtures.Tenant tenant, UUID location, UUID item, String quantity) {
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> postings.post(new Posting("receipt",
                "test", null, null, null, List.of(Line.in(location, item, MovementType.RECEIPT, new BigDecimal(quantity), BigDecimal.ONE)))));
    }
}
