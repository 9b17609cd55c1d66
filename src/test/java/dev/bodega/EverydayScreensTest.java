package dev.bodega;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Small things a shop meets every day (issue 11): the till in a seller's menu, deletes that ask first, the icon. */
@BodegaTest
class EverydayScreensTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;

    @Test
    void aSellerFindsTheTillInTheMenuAndAReadOnlyUserDoesNot() {
        var tenant = fixtures.tenant();
        fixtures.user(tenant, "caja@" + tenant.slug() + ".test", "seller");
        fixtures.user(tenant, "mira@" + tenant.slug() + ".test", "viewer");

        WebSession seller = WebSession.signedIn(api.baseUrl(), tenant.slug(), "caja@" + tenant.slug() + ".test",
                TestFixtures.PASSWORD);
        String menu = seller.get("/").body();
        assertThat(menu).contains("id=\"nav-pos\"", "href=\"/pos\"").doesNotContain("href=\"/api-keys\"");
        assertThat(seller.get("/pos").status()).isEqualTo(200);

        WebSession viewer = WebSession.signedIn(api.baseUrl(), tenant.slug(), "mira@" + tenant.slug() + ".test",
                TestFixtures.PASSWORD);
        assertThat(viewer.get("/").body()).doesNotContain("id=\"nav-pos\"");
    }

    @Test
    void aTillWithoutAStoreWarnsInsteadOfLookingLikeASuccess() {
        var tenant = fixtures.tenant();
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(admin.get("/pos").find("<p class=\"(\\w+)\" id=\"pos-no-location\"")).isEqualTo("warning");
    }

    @Test
    void deletingAnItemOrASupplierAsksFirstInTheUsersLanguage() {
        var tenant = fixtures.tenant();
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        String item = api.post(tenant.adminKey(), "/api/v1/items",
                Map.of("sku", "CONF-1", "name", "Bujía de prueba", "salePrice", 3.50)).json().get("id").asString();
        String supplier = api.post(tenant.adminKey(), "/api/v1/suppliers",
                Map.of("name", "Proveedor de prueba")).json().get("id").asString();

        assertThat(admin.get("/catalog/items/" + item).find("id=\"delete-item-form\"[^>]*data-confirm=\"([^\"]+)\""))
                .isEqualTo("¿Eliminar este artículo? Deja de venderse y de aparecer en el catálogo.");
        assertThat(admin.get("/catalog/suppliers/" + supplier).find("data-confirm=\"([^\"]+)\""))
                .isEqualTo("¿Eliminar este proveedor?");
        assertThat(admin.get("/catalog/items/" + item + "?lang=en").find("data-confirm=\"([^\"]+)\""))
                .isEqualTo("Delete this item? It will no longer be sold or listed in the catalog.");
        // Only the browser asks: the delete itself is unchanged.
        assertThat(admin.post("/catalog/items/" + item + "/delete", Map.of()).status()).isEqualTo(302);
    }

    @Test
    void theBrowsersIconIsServed() {
        WebSession.Page icon = new WebSession(api.baseUrl()).get("/favicon.ico");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.header("Content-Type")).contains("icon");
    }
}
