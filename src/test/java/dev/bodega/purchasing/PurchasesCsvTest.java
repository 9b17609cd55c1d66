package dev.bodega.purchasing;

import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The purchases CSV: one record per order line, orders placed in the period, text safe for spreadsheets. */
@BodegaTest
class PurchasesCsvTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void exportsTheLinesOfTheOrdersPlacedInThePeriod() throws IOException {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID formula = buyer.supplier("=HYPERLINK(\"http://evil\")");
        UUID paint = buyer.item("CSV-1", "0", "0");
        UUID brush = buyer.item("CSV-2", "0", "0");
        buyer.sql("UPDATE items SET name = 'Pintura, blanca' WHERE id = :id", Map.of("id", paint));

        Map<String, Object> january = buyer.order(paint, 3, "2.50", brush, 1, "10.00");
        january.put("orderDate", "2026-01-10");
        january.put("expectedDate", "2026-01-17");
        JsonNode first = buyer.sent(january);
        assertThat(buyer.receive(first, Buyer.delivery(first, 1, 2), null).status()).isEqualTo(201);
        Map<String, Object> february = buyer.order(brush, 2, "9.50");
        february.put("orderDate", "2026-02-20");
        february.put("supplierId", formula);
        buyer.create(february);

        Api.Response response = api.get(buyer.tenant.adminKey(), "/api/v1/purchasing/orders.csv?from=2026-01-01&to=2026-01-31");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).startsWith("text/csv");
        assertThat(response.header("content-disposition")).contains("purchases.csv");
        List<CSVRecord> records = parse(response.body());
        assertThat(records.get(0).values()).containsExactly("order_number", "order_date", "expected_date", "status",
                "supplier", "location", "currency", "order_total", "line", "sku", "item", "quantity", "unit_cost",
                "line_total", "received_quantity", "sent_at", "received_at", "cancelled_at");
        assertThat(records).hasSize(3);
        assertThat(records.get(1).values()).startsWith("OC-000001", "2026-01-10", "2026-01-17", "partially_received",
                "Proveedora Andina", "Bodega principal", "USD", "17.50", "1", "CSV-1", "Pintura, blanca", "3", "2.50",
                "7.50", "2");
        assertThat(records.get(1).get(15)).isNotEmpty();
        assertThat(records.get(1).get(16)).isEmpty();
        assertThat(records.get(2).values()).startsWith("OC-000001", "2026-01-10", "2026-01-17", "partially_received",
                "Proveedora Andina", "Bodega principal", "USD", "17.50", "2", "CSV-2", "Item CSV-2", "1", "10.00",
                "10.00", "0");

        List<CSVRecord> everything = parse(api.get(buyer.tenant.adminKey(), "/api/v1/purchasing/orders.csv").body());
        assertThat(everything).hasSize(4);
        assertThat(everything.get(3).get(0)).isEqualTo("OC-000002");
        assertThat(everything.get(3).get(4)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(everything.get(3).get(3)).isEqualTo("draft");
        assertThat(parse(api.get(buyer.tenant.adminKey(), "/api/v1/purchasing/orders.csv?from=2026-03-01").body()))
                .hasSize(1);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().get().parse(new StringReader(csv)).getRecords();
    }
}
