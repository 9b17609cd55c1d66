package dev.bodega.service;

import dev.bodega.inventory.InventorySetup;
import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.Multipart;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Warranty claims through the API: the state machine, the notice, the replacement, the evidence photos. */
@BodegaTest
class WarrantyClaimsTest {

    /** A GIF's magic number with a little payload: an image by its first bytes, whatever the upload declares. */
    static final String GIF = "GIF89a\u0001\u0000\u0001\u0000evidence";

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired InventorySetup inventory;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void onlyTheAllowedTransitionsHappenAndAnIllegalOneChangesNothing() {
        Workshop shop = Workshop.open(fixtures, stock, postings, inventory);
        UUID part = shop.part("BAT-48V", 5);
        UUID manager = fixtures.user(shop.tenant, "jefe@" + shop.tenant.slug() + ".test", "manager");
        String claim = file(shop, part, false);

        refused(shop, claim, "approve", Map.of("comments", "ok"), "SIN_ENVIAR");
        refused(shop, claim, "reject", Map.of("comments", "no"), "SIN_ENVIAR");
        refused(shop, claim, "replacement", Map.of(), "SIN_ENVIAR");
        assertThat(noticesTo(shop, manager, claim)).as("a draft tells no one").isZero();

        assertThat(act(shop, claim, "submit", null).get("status").asString()).isEqualTo("PENDIENTE");
        assertThat(noticesTo(shop, manager, claim)).as("warranty pending, to those who may resolve").isEqualTo(1);
        refused(shop, claim, "submit", null, "PENDIENTE");
        refused(shop, claim, "replacement", Map.of(), "PENDIENTE");
        Api.Response silent = api.post(shop.tenant.adminKey(), path(claim, "reject"), Map.of());
        assertThat(silent.status()).isEqualTo(422);
        assertThat(Workshop.json(silent, "type")).endsWith("/resolution-comments-required");

        JsonNode approved = act(shop, claim, "approve", Map.of("comments", "Defecto de fábrica"));
        assertThat(approved.get("status").asString()).isEqualTo("APROBADA");
        assertThat(approved.get("resolutionComments").asString()).isEqualTo("Defecto de fábrica");
        assertThat(approved.get("resolvedAt")).isNotNull();
        for (String step : List.of("submit", "approve", "reject")) {
            refused(shop, claim, step, Map.of("comments", "again"), "APROBADA");
        }
        assertThat(shop.onHand(part)).as("approving moves no stock").isEqualByComparingTo("5");

        JsonNode replaced = act(shop, claim, "replacement", Map.of());
        assertThat(replaced.get("replacementPostingId")).isNotNull();
        assertThat(shop.onHand(part)).isEqualByComparingTo("3");
        assertThat(stock.asAdmin(shop.tenant, () -> jdbc.sql("""
                        SELECT quantity FROM stock_ledger WHERE item_id = :item AND movement_type = 'warranty'""")
                .param("item", part).query(BigDecimal.class).list())).containsExactly(new BigDecimal("-2.000"));
        refused(shop, claim, "replacement", Map.of(), "APROBADA");
        assertThat(shop.onHand(part)).as("the replacement leaves once").isEqualByComparingTo("3");
        assertThat(shop.ledgerMismatches()).isZero();

        String rejected = file(shop, part, true);
        assertThat(act(shop, rejected, "reject", Map.of("comments", "Mal uso")).get("status").asString())
                .isEqualTo("RECHAZADA");
        refused(shop, rejected, "approve", Map.of("comments", "ok"), "RECHAZADA");
        refused(shop, rejected, "replacement", Map.of(), "RECHAZADA");
    }

    @Test
    void photosAreImagesWithinTheLimitAndOnlyTheirCompanySeesThem() {
        Workshop shop = Workshop.open(fixtures, stock, postings, inventory);
        String claim = file(shop, shop.part("CTRL-1", 1), true);
        String photos = path(claim, "photos");

        Api.Response uploaded = Multipart.upload(api, shop.tenant.adminKey(), photos, Map.of(), "falla.gif", GIF);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(Workshop.json(uploaded, "contentType")).isEqualTo("image/gif");
        String photo = photos + "/" + Workshop.json(uploaded, "id");
        Api.Response served = api.get(shop.tenant.adminKey(), photo);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("content-type")).isEqualTo("image/gif");
        assertThat(served.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(served.body()).startsWith("GIF89a").endsWith("evidence");

        Api.Response text = Multipart.upload(api, shop.tenant.adminKey(), photos, Map.of(), "photo.jpg", "not an image");
        assertThat(text.status()).isEqualTo(415);
        assertThat(Workshop.json(text, "type")).endsWith("/photo-not-image");
        Api.Response html = Multipart.upload(api, shop.tenant.adminKey(), photos, Map.of(), "x.png",
                "<svg onload=alert(1)>GIF89a");
        assertThat(html.status()).isEqualTo(415);
        Api.Response large = Multipart.upload(api, shop.tenant.adminKey(), photos, Map.of(), "big.gif",
                GIF + "x".repeat(5 * 1024 * 1024));
        assertThat(large.status()).isEqualTo(413);
        assertThat(Workshop.json(large, "type")).endsWith("/photo-too-large");
        assertThat(api.get(shop.tenant.adminKey(), "/api/v1/service/warranty-claims/" + claim).json().get("photos"))
                .hasSize(1);

        TestFixtures.Tenant other = fixtures.tenant();
        assertThat(api.get(other.adminKey(), photo).status()).isEqualTo(404);
        assertThat(Multipart.upload(api, other.adminKey(), photos, Map.of(), "theirs.gif", GIF).status()).isEqualTo(404);
    }

    private String file(Workshop shop, UUID part, boolean submit) {
        Api.Response created = api.post(shop.tenant.adminKey(), "/api/v1/service/warranty-claims", Map.of(
                "itemId", part, "quantity", 2, "locationId", shop.location, "technicianId", shop.technician,
                "failureReason", "No carga después de 200 km", "mileage", 1250, "workOrder", "OT-1",
                "requester", "Laura Gómez", "submit", submit));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(Workshop.json(created, "status")).isEqualTo(submit ? "PENDIENTE" : "SIN_ENVIAR");
        return Workshop.json(created, "id");
    }

    private JsonNode act(Workshop shop, String claim, String step, Map<String, ?> body) {
        Api.Response response = api.post(shop.tenant.adminKey(), path(claim, step), body);
        assertThat(response.status()).as(step + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    /** A 409 that leaves the claim as it was: same status, same version. */
    private void refused(Workshop shop, String claim, String step, Map<String, ?> body, String status) {
        long version = api.get(shop.tenant.adminKey(), "/api/v1/service/warranty-claims/" + claim).json()
                .get("version").asLong();
        Api.Response response = api.post(shop.tenant.adminKey(), path(claim, step), body);
        assertThat(response.status()).as(step + " from " + status).isEqualTo(409);
        assertThat(Workshop.json(response, "type")).as(step)
                .endsWith(step.equals("replacement") ? "/claim-not-replaceable" : "/claim-illegal-transition");
        JsonNode after = api.get(shop.tenant.adminKey(), "/api/v1/service/warranty-claims/" + claim).json();
        assertThat(after.get("status").asString()).isEqualTo(status);
        assertThat(after.get("version").asLong()).isEqualTo(version);
    }

    private long noticesTo(Workshop shop, UUID user, String claim) {
        return stock.asAdmin(shop.tenant, () -> jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :u AND link = :link")
                .param("u", user).param("link", "/service/claims/" + claim).query(Long.class).single());
    }

    private static String path(String claim, String step) {
        return "/api/v1/service/warranty-claims/" + claim + "/" + step;
    }
}
