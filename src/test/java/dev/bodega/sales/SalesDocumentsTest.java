package dev.bodega.sales;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF invoice of a sale and the CSV export of a period's sales. */
@BodegaTest
class SalesDocumentsTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theInvoicePdfCarriesTheCompanyTheNumberTheCustomerTheLinesTheTaxesAndThePayments() throws Exception {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "19", true);
        shop.sql("UPDATE tenants SET name = 'Ferretería Ñandú', tax_id = '900123456-7' WHERE id = :id",
                Map.of("id", shop.tenant.id()));
        UUID hammer = shop.item("PDF-HAM", "23.80", "10", "12.00");
        UUID nails = shop.item("PDF-NAIL", "4.76", "50", "2.00");
        UUID customer = shop.customer("PDF-900", "Julián");
        JsonNode sale = shop.sell(customer, Shop.lines(hammer, 1, nails, 3));

        var response = get(shop, "/api/v1/sales/" + sale.get("id").asString() + "/invoice.pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("content-disposition").orElseThrow()).contains("F001-00000001.pdf");
        assertThat(new String(response.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        String text = text(response.body());
        assertThat(text).contains("Ferretería Ñandú", "NIT / Id. tributaria: 900123456-7", "FACTURA DE VENTA", "F001-00000001", "Serie: F001", "Tienda centro",
                "Julián", "CC PDF-900", "PDF-HAM", "Item PDF-NAIL", "Impuesto incluido", "6,08", "Total USD 38,08",
                "Efectivo", "Los precios incluyen impuestos.");
        String date = fixtures.today(shop.tenant).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertThat(text).contains("Fecha: " + date);
    }

    @Test
    void aCancelledSaleSaysSoAPendingOneHasNoInvoiceAndAnUnknownOneIsNotFound() throws Exception {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", false);
        UUID item = shop.item("PDF-2", "10.00", "10", "5.00");
        JsonNode sale = shop.sell(null, Shop.lines(item, 1));
        api.post(shop.tenant.adminKey(), "/api/v1/sales/" + sale.get("id").asString() + "/cancel", Map.of("reason", "Error de caja"));
        shop.sql("UPDATE tenants SET locale = 'en' WHERE id = :id", Map.of("id", shop.tenant.id()));

        String text = text(get(shop, "/api/v1/sales/" + sale.get("id").asString() + "/invoice.pdf").body());
        assertThat(text).contains("SALES INVOICE", "CANCELLED on", "Error de caja", "Walk-in customer",
                "Taxes are added to the prices.");

        String pending = api.post(shop.tenant.adminKey(), "/api/v1/sales", shop.sale(null, Shop.lines(item, 1), false, null))
                .json().get("id").asString();
        var noInvoice = api.get(shop.tenant.adminKey(), "/api/v1/sales/" + pending + "/invoice.pdf");
        assertThat(noInvoice.status()).isEqualTo(409);
        assertThat(noInvoice.json().get("type").asString()).endsWith("/sale-not-invoiced");
        assertThat(api.get(shop.tenant.adminKey(), "/api/v1/sales/" + UUID.randomUUID() + "/invoice.pdf").status())
                .isEqualTo(404);
    }

    @Test
    void theCsvHasOneRowPerLineOfTheCompletedAndCancelledSalesOfThePeriod() throws IOException {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID saw = shop.item("CSV-SAW", "12.50", "20", "6.00");
        UUID formula = shop.item("CSV-EQ", "1.25", "20", "0.50");
        shop.sql("UPDATE items SET name = '=HYPERLINK(\"x\")' WHERE id = :id", Map.of("id", formula));
        UUID customer = shop.customer("CSV-1", "Camila");
        JsonNode twoLines = shop.sell(customer, Shop.lines(saw, 2, formula, 4));
        JsonNode cancelled = shop.sell(null, Shop.lines(saw, 1));
        api.post(shop.tenant.adminKey(), "/api/v1/sales/" + cancelled.get("id").asString() + "/cancel", Map.of("reason", "x"));
        api.post(shop.tenant.adminKey(), "/api/v1/sales", shop.sale(null, Shop.lines(saw, 1), false, null));
        JsonNode old = shop.sell(null, Shop.lines(saw, 3));
        shop.sql("UPDATE sales SET sale_date = :at WHERE id = :id", Map.of("at", Timestamp.from(Instant.parse("2026-01-15T15:00:00Z")),
                "id", UUID.fromString(old.get("id").asString())));
        LocalDate today = fixtures.today(shop.tenant);

        var response = api.get(shop.tenant.adminKey(), "/api/v1/sales.csv?from=" + today.minusDays(1) + "&to=" + today);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).startsWith("text/csv");
        assertThat(response.header("content-disposition")).contains("sales-" + today.minusDays(1) + "-" + today + ".csv");
        List<CSVRecord> rows = CSVParser.parse(new StringReader(response.body()),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(rows).hasSize(3);
        CSVRecord first = rows.get(0);
        assertThat(first.get("invoice")).isEqualTo("F001-00000001");
        assertThat(first.get("status")).isEqualTo("completed");
        assertThat(first.get("customer")).isEqualTo("Camila");
        assertThat(first.get("customer_document")).isEqualTo("CC CSV-1");
        assertThat(first.get("sku")).isEqualTo("CSV-SAW");
        assertThat(first.get("quantity")).isEqualTo("2");
        assertThat(first.get("line_total")).isEqualTo("25.00");
        assertThat(first.get("sale_total")).isEqualTo("30.00");
        assertThat(first.get("sale_date")).startsWith(today.toString()).endsWith("-05:00");
        assertThat(first.get("sale_id")).isEqualTo(twoLines.get("id").asString());
        assertThat(rows.get(1).get("line")).isEqualTo("2");
        assertThat(rows.get(1).get("item")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(rows.get(2).get("invoice")).isEqualTo("F001-00000002");
        assertThat(rows.get(2).get("status")).isEqualTo("cancelled");
        assertThat(response.body()).startsWith(String.join(",", "invoice", "status", "sale_date", "location", "seller"))
                .contains("\r\n");

        var january = api.get(shop.tenant.adminKey(), "/api/v1/sales.csv?from=2026-01-15&to=2026-01-15");
        assertThat(january.body().lines().toList()).hasSize(2);
        assertThat(january.body()).contains("F001-00000003", "CSV-SAW");
        assertThat(api.get(shop.tenant.adminKey(), "/api/v1/sales.csv?from=2026-02-01&to=2026-01-01").status()).isEqualTo(422);
    }

    private HttpResponse<byte[]> get(Shop shop, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", "Bearer " + shop.tenant.adminKey()).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
