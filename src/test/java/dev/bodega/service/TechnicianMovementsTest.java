package dev.bodega.service;

import dev.bodega.inventory.InventorySetup;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.Idempotency;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Technician movements through the API: stock moves as TECHNICIAN postings and the ledger stays exact. */
@BodegaTest
class TechnicianMovementsTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired InventorySetup inventory;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void aLoanOutAndItsPartialReturnKeepTheLedgerExact() {
        Workshop shop = Workshop.open(fixtures, stock, postings, inventory);
        UUID part = shop.part("MTR-500W", 10);

        Api.Response loan = record(shop, part, "prestamo", 4, "OT-77", "loan-1");
        assertThat(loan.status()).as(loan.body()).isEqualTo(201);
        assertThat(Workshop.json(loan, "type")).isEqualTo("salida");
        assertThat(shop.onHand(part)).isEqualByComparingTo("6");
        assertThat(record(shop, part, "prestamo", 4, "OT-77", "loan-1").header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(shop.onHand(part)).as("a retry with the same key records once").isEqualByComparingTo("6");

        String loanId = Workshop.json(loan, "id");
        Api.Response back = api.send(shop.tenant.adminKey(), "POST", "/api/v1/service/technician-movements/" + loanId
                + "/returns", Map.of("quantity", 1), Map.of(Idempotency.HEADER, "return-1"));
        assertThat(back.status()).as(back.body()).isEqualTo(201);
        assertThat(Workshop.json(back, "concept")).isEqualTo("devolucion");
        assertThat(Workshop.json(back, "returnsId")).isEqualTo(loanId);
        assertThat(shop.onHand(part)).isEqualByComparingTo("7");

        var loans = api.get(shop.tenant.adminKey(), "/api/v1/service/technician-loans?technicianId=" + shop.technician).json();
        assertThat(loans).hasSize(1);
        assertThat(loans.get(0).get("outstanding").decimalValue()).isEqualByComparingTo("3");
        assertThat(loans.get(0).get("ageDays").asInt()).isZero();

        Api.Response tooMuch = api.post(shop.tenant.adminKey(), "/api/v1/service/technician-movements/" + loanId
                + "/returns", Map.of("quantity", 4));
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(409);
        assertThat(Workshop.json(tooMuch, "type")).endsWith("/over-return");
        assertThat(shop.onHand(part)).isEqualByComparingTo("7");

        assertThat(api.post(shop.tenant.adminKey(), "/api/v1/service/technician-movements/" + loanId + "/settle", null)
                .status()).isEqualTo(200);
        Api.Response afterSettling = api.post(shop.tenant.adminKey(), "/api/v1/service/technician-movements/" + loanId
                + "/returns", Map.of("quantity", 1));
        assertThat(afterSettling.status()).isEqualTo(409);
        assertThat(Workshop.json(afterSettling, "type")).endsWith("/movement-not-returnable");
        assertThat(api.post(shop.tenant.adminKey(), "/api/v1/service/technician-movements/" + loanId + "/settle", null)
                .status()).isEqualTo(409);
        assertThat(api.get(shop.tenant.adminKey(), "/api/v1/service/technician-loans").json()).isEmpty();

        assertThat(shop.onHand(part)).isEqualByComparingTo("7");
        assertThat(shop.ledgerMismatches()).isZero();
        assertThat(technicianLedger(shop, part)).as("one TECHNICIAN row out, one back").containsExactly(
                new BigDecimal("-4.000"), new BigDecimal("1.000"));
    }

    @Test
    void aSaleTakesStockAQuoteMovesNoneAndOnlyTechniciansAreHandedParts() {
        Workshop shop = Workshop.open(fixtures, stock, postings, inventory);
        UUID part = shop.part("FRN-01", 5);

        assertThat(record(shop, part, "venta", 2, null, null).status()).isEqualTo(201);
        assertThat(shop.onHand(part)).isEqualByComparingTo("3");
        Api.Response quote = record(shop, part, "cotizacion", 3, "OT-9", null);
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        assertThat(quote.json().get("postingId")).isNull();
        assertThat(shop.onHand(part)).isEqualByComparingTo("3");

        Map<String, Object> toAdmin = body(shop, part, "salida", 1, null);
        toAdmin.put("technicianId", shop.tenant.adminId().toString());
        Api.Response refused = api.post(shop.tenant.adminKey(), "/api/v1/service/technician-movements", toAdmin);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(Workshop.json(refused, "type")).endsWith("/not-a-technician");

        Map<String, Object> wrongType = body(shop, part, "venta", 1, null);
        wrongType.put("type", "ingreso");
        assertThat(Workshop.json(api.post(shop.tenant.adminKey(), "/api/v1/service/technician-movements", wrongType),
                "type")).endsWith("/concept-type");
        Api.Response tooMany = record(shop, part, "salida", 4, null, null);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(Workshop.json(tooMany, "type")).endsWith("/insufficient-stock");
        assertThat(shop.onHand(part)).isEqualByComparingTo("3");
        assertThat(shop.ledgerMismatches()).isZero();
    }

    private Api.Response record(Workshop shop, UUID part, String concept, int quantity, String workOrder, String key) {
        return api.send(shop.tenant.adminKey(), "POST", "/api/v1/service/technician-movements",
                body(shop, part, concept, quantity, workOrder), key == null ? Map.of() : Map.of(Idempotency.HEADER, key));
    }

    private static Map<String, Object> body(Workshop shop, UUID part, String concept, int quantity, String workOrder) {
        Map<String, Object> body = new HashMap<>(Map.of("locationId", shop.location, "itemId", part,
                "technicianId", shop.technician, "concept", concept, "quantity", quantity));
        if (workOrder != null) {
            body.put("workOrder", workOrder);
        }
        return body;
    }

    private java.util.List<BigDecimal> technicianLedger(Workshop shop, UUID part) {
        return stock.asAdmin(shop.tenant, () -> jdbc.sql("""
                        SELECT quantity FROM stock_ledger WHERE item_id = :item AND movement_type = 'technician'
                        ORDER BY id""").param("item", part).query(BigDecimal.class).list());
    }
}
