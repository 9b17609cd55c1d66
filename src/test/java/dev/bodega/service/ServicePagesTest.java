package dev.bodega.service;

import dev.bodega.inventory.InventorySetup;
import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The technician and warranty pages over HTTP: forms, the technician's own page, photos, other companies' ids. */
@BodegaTest
class ServicePagesTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired InventorySetup inventory;
    @Autowired Api api;

    @Test
    void aTechnicianSeesTheirPartsAndReturnsWhatWasNotUsed() {
        Workshop shop = Workshop.open(fixtures, stock, postings, inventory);
        UUID part = shop.part("PAST-FRENO", 6);
        WebSession admin = WebSession.signedIn(api.baseUrl(), shop.tenant.slug(), shop.tenant.adminEmail(),
                TestFixtures.PASSWORD);
        admin.get("/service/movements/new");
        WebSession.Page recorded = admin.post("/service/movements", Map.of("technicianId", shop.technician.toString(),
                "locationId", shop.location.toString(), "concept", "prestamo", "type", "", "itemCode", "past-freno",
                "quantity", "3", "workOrder", "OT-12", "idempotencyKey", UUID.randomUUID().toString()));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(302);
        assertThat(shop.onHand(part)).isEqualByComparingTo("3");
        WebSession.Page refused = admin.post("/service/movements", Map.of("technicianId", shop.technician.toString(),
                "locationId", shop.location.toString(), "concept", "prestamo", "itemCode", "NO-SUCH", "quantity", "0"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("No hay un artículo activo con ese código", "Escriba una cantidad mayor que cero");
        assertThat(admin.get("/service/loans").body()).contains("PAST-FRENO", "OT-12");
        assertThat(admin.get("/service/movements").body()).containsPattern(">\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d</a>");

        WebSession technician = WebSession.signedIn(api.baseUrl(), shop.tenant.slug(), shop.technicianEmail,
                TestFixtures.PASSWORD);
        assertThat(technician.get("/").body()).contains("/service/my-parts", "/service/claims")
                .doesNotContain("href=\"/service/movements\"");
        assertThat(technician.get("/service/movements").status()).isEqualTo(403);
        WebSession.Page mine = technician.get("/service/my-parts");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("PAST-FRENO", "OT-12", "name=\"viewport\"").doesNotContain("??");
        String loan = mine.find("id=\"my-loan-([0-9a-f-]{36})\"");
        WebSession.Page returned = technician.post("/service/movements/" + loan + "/return", Map.of("quantity", "2",
                "back", "my-parts", "idempotencyKey", UUID.randomUUID().toString()));
        assertThat(returned.locationPath()).isEqualTo("/service/my-parts");
        assertThat(shop.onHand(part)).isEqualByComparingTo("5");
        assertThat(technician.get("/service/my-parts").body()).contains("Devolución registrada");
        assertThat(shop.ledgerMismatches()).isZero();

        WebSession stranger = strangerOf();
        assertThat(stranger.get("/service/movements/" + loan).status()).isEqualTo(404);
        assertThat(stranger.post("/service/movements/" + loan + "/return", Map.of("quantity", "1")).status()).isEqualTo(404);
        assertThat(stranger.post("/service/movements/" + loan + "/settle", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aClaimIsFiledWithAPhotoAndResolvedFromItsPage() {
        Workshop shop = Workshop.open(fixtures, stock, postings, inventory);
        UUID part = shop.part("LLANTA-10", 4);
        WebSession admin = WebSession.signedIn(api.baseUrl(), shop.tenant.slug(), shop.tenant.adminEmail(),
                TestFixtures.PASSWORD);
        Map<String, String> fields = Map.of("itemCode", "LLANTA-10", "quantity", "1", "locationId",
                shop.location.toString(), "technicianId", shop.technician.toString(), "failureReason", "Se desinfla",
                "mileage", "800", "submit", "true");
        admin.get("/service/claims/new");
        WebSession.Page notAnImage = admin.postMultipart("/service/claims", fields, "falla.jpg", "plain text");
        assertThat(notAnImage.status()).isEqualTo(200);
        assertThat(notAnImage.body()).contains("Solo se aceptan fotos JPEG, PNG, GIF o WebP");
        assertThat(api.get(shop.tenant.adminKey(), "/api/v1/service/warranty-claims").json().get("items"))
                .as("a refused photo files no claim").isEmpty();

        WebSession.Page filed = admin.postMultipart("/service/claims", fields, "falla.gif", WarrantyClaimsTest.GIF);
        assertThat(filed.status()).as(filed.body()).isEqualTo(302);
        String claim = filed.locationPath();
        WebSession.Page page = admin.get(claim);
        assertThat(page.body()).contains("Pendiente", "Se desinfla").doesNotContain("??");
        String photo = page.find("src=\"(/service/claims/[0-9a-f-]{36}/photos/[0-9a-f-]{36})\"");
        assertThat(admin.get(photo).header("content-type")).isEqualTo("image/gif");

        admin.post(claim + "/approve", Map.of("comments", "Cubierta por garantía"));
        admin.get(claim);
        assertThat(admin.post(claim + "/replacement", Map.of("locationId", shop.location.toString(),
                "idempotencyKey", UUID.randomUUID().toString())).locationPath()).isEqualTo(claim);
        assertThat(admin.get(claim).body()).contains("Aprobada", "El reemplazo salió del inventario");
        assertThat(shop.onHand(part)).isEqualByComparingTo("3");
        admin.post(claim + "/reject", Map.of("comments", "tarde"));
        assertThat(admin.get(claim).body()).contains("La garantía no puede pasar a ese estado");

        WebSession stranger = strangerOf();
        for (String path : List.of(claim, photo)) {
            assertThat(stranger.get(path).status()).as(path).isEqualTo(404);
        }
        for (String step : List.of("/submit", "/approve", "/reject", "/replacement")) {
            assertThat(stranger.post(claim + step, Map.of("comments", "x")).status()).as(step).isEqualTo(404);
        }
        assertThat(stranger.postMultipart(claim + "/photos", Map.of(), "x.gif", WarrantyClaimsTest.GIF).status())
                .isEqualTo(404);
    }

    private WebSession strangerOf() {
        TestFixtures.Tenant other = fixtures.tenant();
        WebSession stranger = WebSession.signedIn(api.baseUrl(), other.slug(), other.adminEmail(), TestFixtures.PASSWORD);
        stranger.get("/service/claims");
        return stranger;
    }
}
