package dev.bodega.sales;

import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.Idempotency;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.Together;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit of sales (issue 17): tills' sales are written together, and every guarantee of a single sale still
 * holds: exact stock, gapless numbers, one sale per Idempotency-Key, nothing acknowledged that is not durable.
 */
@BodegaTest
class GroupCommitTest {

    private static final int TILLS = 64;
    private static final int SALES_PER_TILL = 3;
    private static final int INITIAL = 40;

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;
    @Autowired DataSource dataSource;

    private record Sent(String key, Map<UUID, Integer> quantities, Api.Response response) {
    }

    @Test
    void sixtyFourTillsSellExactlyWhatTheStockAllowsOnceEach() throws Exception {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        List<UUID> popular = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            popular.add(shop.item("RUSH-" + i, "2.00", String.valueOf(INITIAL), "1.00"));
        }
        String series = series(shop);

        // Each till sells in turn; its first sale is also sent a second time at the same moment (a double click).
        List<Callable<List<Sent>>> calls = new ArrayList<>();
        for (int t = 0; t < TILLS; t++) {
            int till = t;
            calls.add(() -> till(shop, popular, series, till, false));
            calls.add(() -> till(shop, popular, series, till, true));
        }
        Map<String, List<Sent>> byKey = new HashMap<>();
        Together.run(calls).forEach(sent -> sent.forEach(s -> byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s)));

        Map<String, Sent> acknowledged = new HashMap<>();
        int refused = 0;
        for (List<Sent> sent : byKey.values()) {
            Sent first = sent.get(0);
            for (Sent same : sent) {
                assertThat(same.response().status()).as(same.response().body()).isEqualTo(first.response().status());
            }
            if (first.response().status() == 201) {
                sent.forEach(same -> assertThat(same.response().body()).isEqualTo(first.response().body()));
                acknowledged.put(first.key(), first);
            } else {
                assertThat(first.response().status()).as(first.response().body()).isEqualTo(409);
                assertThat(first.response().json().get("type").asString()).endsWith("/insufficient-stock");
                refused++;
            }
        }
        int n = acknowledged.size();
        assertThat(n + refused).isEqualTo(TILLS * SALES_PER_TILL);
        assertThat(n).as("some sales went through").isPositive();
        assertThat(refused).as("demand exceeded stock, so some sales were refused").isPositive();

        // Every acknowledged sale is there once, and nothing else; numbers 1..n on the one series.
        Set<String> ids = new HashSet<>();
        acknowledged.values().forEach(s -> ids.add(s.response().json().get("id").asString()));
        assertThat(shop.list("SELECT id::text FROM sales", Map.of(), String.class)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(shop.list("SELECT invoice_number FROM sales ORDER BY 1", Map.of(), Long.class))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
        assertThat(shop.query("SELECT next_number FROM invoice_series WHERE id = CAST(:id AS uuid)", Map.of("id", series),
                Long.class)).isEqualTo(n + 1L);
        assertThat(shop.query("SELECT count(*) FROM idempotency_keys", Map.of(), Long.class))
                .as("a refused sale keeps no key").isEqualTo(n);
        assertThat(shop.query("SELECT count(DISTINCT completed_at) FROM sales", Map.of(), Long.class))
                .as("sales that arrived together were committed together").isLessThan(n);

        // Stock: exactly what the acknowledged sales took, never below zero.
        for (UUID item : popular) {
            int sold = acknowledged.values().stream().mapToInt(s -> s.quantities().getOrDefault(item, 0)).sum();
            assertThat(shop.onHand(item)).isEqualByComparingTo(String.valueOf(INITIAL - sold));
        }
        assertThat(shop.query("SELECT count(*) FROM stock_ledger WHERE on_hand_after < 0", Map.of(), Long.class)).isZero();
        assertThat(shop.ledgerMismatches()).isZero();

        // The rollups counted each sale written by a batch once, with its lines and payments.
        assertThat(shop.query("SELECT sum(sales) FROM sales_daily", Map.of(), Long.class)).isEqualTo(n);
        assertThat(shop.query("SELECT sum(quantity) FROM sales_daily_items", Map.of(), BigDecimal.class))
                .isEqualByComparingTo(shop.query("SELECT sum(quantity) FROM sale_lines", Map.of(), BigDecimal.class));
        assertThat(shop.query("SELECT sum(amount) FROM sales_daily_methods", Map.of(), BigDecimal.class))
                .isEqualByComparingTo(shop.query("SELECT sum(amount) FROM sale_payments", Map.of(), BigDecimal.class));

        // After its batch, a key answers what it answered first, byte for byte.
        for (Sent first : acknowledged.values()) {
            Api.Response replay = api.send(shop.tenant.adminKey(), "POST", "/api/v1/sales",
                    sale(shop, first.quantities(), series), Map.of(Idempotency.HEADER, first.key()));
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.body()).isEqualTo(first.response().body());
        }
        assertThat(shop.query("SELECT count(*) FROM sales", Map.of(), Long.class)).isEqualTo(n);
    }

    @Test
    void aSaleRefusedInTheMiddleOfABatchFailsNoOther() throws Exception {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID first = shop.item("FIRST", "1.00", "10", "0.50");
        UUID scarce = shop.item("SCARCE", "1.00", "5", "0.50");
        String series = series(shop);
        ExecutorService tills = Executors.newFixedThreadPool(9);
        try (Blocker blocker = new Blocker(shop, series)) {
            // The committer waits on the series with one sale; eight more sales arrive meanwhile and wait together.
            CompletableFuture<Api.Response> held = send(tills, shop, Map.of(first, 1), series, null);
            blocker.awaitBlocked();
            List<CompletableFuture<Api.Response>> rush = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                rush.add(send(tills, shop, Map.of(scarce, 1), series, null));
            }
            Thread.sleep(1500);
            blocker.release();

            assertThat(held.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
            List<Api.Response> answers = new ArrayList<>();
            for (CompletableFuture<Api.Response> answer : rush) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(5);
            assertThat(answers).filteredOn(a -> a.status() == 409)
                    .allSatisfy(a -> assertThat(a.json().get("type").asString()).endsWith("/insufficient-stock"))
                    .hasSize(3);
        } finally {
            tills.shutdownNow();
        }
        assertThat(shop.onHand(scarce)).isEqualByComparingTo("0");
        assertThat(shop.query("SELECT count(DISTINCT completed_at) FROM sales s JOIN sale_lines l ON l.sale_id = s.id"
                + " WHERE l.item_id = :item", Map.of("item", scarce), Long.class))
                .as("the five went in one batch with the three refused").isEqualTo(1);
        assertThat(shop.list("SELECT invoice_number FROM sales ORDER BY 1", Map.of(), Long.class))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(shop.ledgerMismatches()).isZero();
    }

    @Test
    void aBatchKilledMidwayLeavesNothingAndItsRetriesSucceedOnce() throws Exception {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("KILLED", "1.00", "100", "0.50");
        String series = series(shop);
        ExecutorService tills = Executors.newFixedThreadPool(9);
        Map<String, Map<UUID, Integer>> sent = new HashMap<>();
        List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
        try (Blocker blocker = new Blocker(shop, series)) {
            for (int i = 0; i < 9; i++) {
                String key = "killed-" + i + "-" + UUID.randomUUID();
                sent.put(key, Map.of(item, 1 + i % 3));
                answers.add(send(tills, shop, sent.get(key), series, key));
                if (i == 0) {
                    blocker.awaitBlocked();
                }
            }
            Thread.sleep(1500);
            // Every batch waiting on the series loses its connection, however the sales were grouped.
            while (!answers.stream().allMatch(CompletableFuture::isDone)) {
                blocker.killBlocked();
                Thread.sleep(100);
            }
        } finally {
            tills.shutdownNow();
        }
        for (CompletableFuture<Api.Response> answer : answers) {
            Api.Response response = answer.get();
            assertThat(response.status()).as(response.body()).isEqualTo(503);
            assertThat(response.json().get("type").asString()).endsWith("/sale-not-saved");
            assertThat(response.header("Retry-After")).isEqualTo("1");
        }
        assertThat(shop.query("SELECT count(*) FROM sales", Map.of(), Long.class)).isZero();
        assertThat(shop.query("SELECT count(*) FROM idempotency_keys", Map.of(), Long.class)).isZero();
        assertThat(shop.onHand(item)).isEqualByComparingTo("100");

        // The retries, with their keys, succeed once each; numbers start at 1 as if nothing had happened.
        List<Callable<Api.Response>> retries = new ArrayList<>();
        sent.forEach((key, quantities) -> retries.add(() -> api.send(shop.tenant.adminKey(), "POST", "/api/v1/sales",
                sale(shop, quantities, series), Map.of(Idempotency.HEADER, key))));
        assertThat(Together.run(retries)).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        assertThat(Together.run(retries)).allSatisfy(r -> assertThat(r.header("Idempotent-Replayed")).isEqualTo("true"));
        int sold = sent.values().stream().mapToInt(q -> q.get(item)).sum();
        assertThat(shop.onHand(item)).isEqualByComparingTo(String.valueOf(100 - sold));
        assertThat(shop.list("SELECT invoice_number FROM sales ORDER BY 1", Map.of(), Long.class))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 9).boxed().toList());
        assertThat(shop.ledgerMismatches()).isZero();
    }

    /** One till's sales, in turn (the echo sends only the first, with the same key, at the same moment). */
    private List<Sent> till(Shop shop, List<UUID> popular, String series, int till, boolean echo) {
        Random random = new Random(till);
        List<Sent> sent = new ArrayList<>();
        for (int s = 0; s < (echo ? 1 : SALES_PER_TILL); s++) {
            List<UUID> items = new ArrayList<>(popular);
            Collections.shuffle(items, random);
            Map<UUID, Integer> quantities = Shop.lines();
            for (UUID item : items.subList(0, 1 + random.nextInt(2))) {
                quantities.put(item, 1 + random.nextInt(2));
            }
            String key = "till-" + till + "-" + s;
            sent.add(new Sent(key, quantities, api.send(shop.tenant.adminKey(), "POST", "/api/v1/sales",
                    sale(shop, quantities, series), Map.of(Idempotency.HEADER, key))));
        }
        return sent;
    }

    private CompletableFuture<Api.Response> send(ExecutorService tills, Shop shop, Map<UUID, Integer> quantities,
                                                 String series, String key) {
        return CompletableFuture.supplyAsync(() -> api.send(shop.tenant.adminKey(), "POST", "/api/v1/sales",
                sale(shop, quantities, series), key == null ? Map.of() : Map.of(Idempotency.HEADER, key)), tills);
    }

    private static Map<String, Object> sale(Shop shop, Map<UUID, Integer> quantities, String series) {
        Map<String, Object> sale = shop.sale(null, quantities, true, "100.00");
        sale.put("seriesId", series);
        return sale;
    }

    private String series(Shop shop) {
        var created = api.post(shop.tenant.adminKey(), "/api/v1/invoice-series", Map.of("code", "F001", "locationId", shop.store));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /**
     * A transaction holding the invoice series' row lock, as the application's own role: the committer's batch
     * waits on it, which lets the test act while a batch is under way (and find that batch's connection).
     */
    private final class Blocker implements AutoCloseable {

        private final Connection connection;
        private final int pid;

        Blocker(Shop shop, String series) throws Exception {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("""
                    SELECT set_config('app.tenant_id', ?, true),
                           (SELECT id FROM invoice_series WHERE id = CAST(? AS uuid) FOR UPDATE), pg_backend_pid()""")) {
                lock.setString(1, shop.tenant.id().toString());
                lock.setString(2, series);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    pid = row.getInt(3);
                }
            }
        }

        void awaitBlocked() throws Exception {
            for (int i = 0; i < 300 && blocked().isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertThat(blocked()).as("a batch waits on the series").isNotEmpty();
        }

        /** Terminates the connections waiting on this lock: the batches under way fail as a whole. */
        void killBlocked() throws Exception {
            try (Connection killer = dataSource.getConnection()) {
                for (int pid : blocked()) {
                    try (PreparedStatement kill = killer.prepareStatement("SELECT pg_terminate_backend(?)")) {
                        kill.setInt(1, pid);
                        kill.execute();
                    }
                }
            }
        }

        /** Read from a connection of its own: a transaction sees pg_stat_activity as it was when it first looked. */
        private List<Integer> blocked() throws Exception {
            List<Integer> pids = new ArrayList<>();
            try (Connection reader = dataSource.getConnection();
                 PreparedStatement query = reader.prepareStatement(
                         "SELECT pid FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")) {
                query.setInt(1, pid);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        pids.add(rows.getInt(1));
                    }
                }
            }
            return pids;
        }

        void release() throws Exception {
            connection.rollback();
        }

        @Override
        public void close() throws Exception {
            connection.rollback();
            connection.close();
        }
    }
}
