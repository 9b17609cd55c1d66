package dev.bodega.catalog;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import dev.bodega.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog pages driven as a browser would: session cookie, CSRF token, forms, redirects, htmx polling. */
@BodegaTest
class CatalogPagesTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;

    /** One signed-in browser: its page requests ask for HTML, redirects are not followed. */
    private WebSession browser(TestFixtures.Tenant tenant, String email) {
        WebSession browser = new WebSession(api.baseUrl()).acceptingHtml();
        assertThat(browser.login(tenant.slug(), email, TestFixtures.PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    private static Map<String, String> itemForm(String sku, String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sku", sku);
        form.put("name", name);
        form.put("kind", "consumable");
        form.put("unitCode", "pcs");
        form.put("costPrice", "4.10");
        form.put("salePrice", "6.90");
        form.put("minStock", "5");
        form.put("active", "true");
        form.put("_active", "on");
        return form;
    }

    @Test
    void createEditAndSeeAnItem() {
        var tenant = fixtures.tenant();
        WebSession browser = browser(tenant, tenant.adminEmail());
        assertThat(browser.get("/").body()).contains("id=\"nav-catalog\"");
        Page list = browser.get("/catalog/items");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"items-table\"", "id=\"new-item\"", "id=\"items-none\"");

        assertThat(browser.get("/catalog/items/new").body()).contains("id=\"item-form\"");
        Page created = browser.post("/catalog/items/new", itemForm("PAGE-1", "Llave de paso 1/2\""));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.locationPath()).startsWith("/catalog/items/");
        String itemPath = created.locationPath();

        Page detail = browser.get(itemPath + "?created");
        assertThat(detail.body()).contains("id=\"item-message\"", "PAGE-1", "id=\"item-price-history\"",
                "id=\"item-suppliers\"");
        // The item page ends with the inventory's stock panel, which loads itself with htmx.
        assertThat(detail.body()).contains("id=\"item-extra\"", "/inventory/items/" + itemPath.substring(itemPath.lastIndexOf('/') + 1) + "/stock-panel");

        Page edit = browser.get(itemPath + "/edit");
        assertThat(edit.find("id=\"item-version\" value=\"(\\d+)\"")).isEqualTo("0");
        Map<String, String> changes = itemForm("PAGE-1", "Llave de paso 1/2\" bronce");
        changes.put("salePrice", "7.50");
        changes.put("version", "0");
        assertThat(browser.post(itemPath + "/edit", changes).locationPath()).isEqualTo(itemPath);
        assertThat(browser.get(itemPath).body()).contains("bronce", "6,90 → 7,50");

        Page stale = browser.post(itemPath + "/edit", changes);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("id=\"item-form-error\"", "id=\"item-reload\"");

        Page found = browser.get("/catalog/items?q=llaves");
        assertThat(found.body()).contains("PAGE-1");
    }

    @Test
    void theItemFormShowsErrorsInline() {
        var tenant = fixtures.tenant();
        WebSession browser = browser(tenant, tenant.adminEmail());
        browser.get("/catalog/items/new");
        Map<String, String> form = itemForm("", "");
        form.put("costPrice", "abc");
        form.put("minStock", "10");
        form.put("maxStock", "2");
        Page refused = browser.post("/catalog/items/new", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Indique el SKU.", "Indique el nombre.", "Indique un número.",
                "El máximo no puede ser menor que el mínimo.");

        browser.post("/catalog/items/new", itemForm("DUP-1", "Primero"));
        Page duplicate = browser.post("/catalog/items/new", itemForm("dup-1", "Segundo"));
        assertThat(duplicate.body()).contains("Otro artículo ya tiene ese SKU.");
    }

    @Test
    void categoriesAreCreatedMovedAndDeactivatedFromTheTreePage() {
        var tenant = fixtures.tenant();
        WebSession browser = browser(tenant, tenant.adminEmail());
        browser.get("/catalog/categories");
        assertThat(browser.post("/catalog/categories", Map.of("name", "Herramientas", "parentId", "")).status())
                .isEqualTo(302);
        String tools = api.get(tenant.adminKey(), "/api/v1/categories").json().get("items").get(0).get("id").asString();
        browser.get("/catalog/categories");
        browser.post("/catalog/categories", Map.of("name", "Manuales", "parentId", tools));
        String manual = api.get(tenant.adminKey(), "/api/v1/categories").json().get("items").get(1).get("id").asString();

        Page tree = browser.get("/catalog/categories");
        assertThat(tree.body()).contains("id=\"category-" + tools + "\"", "Herramientas/Manuales");
        Page slash = browser.post("/catalog/categories", Map.of("name", "A/B", "parentId", ""));
        assertThat(slash.status()).isEqualTo(200);
        assertThat(slash.body()).contains("El nombre no puede contener «/».");

        browser.get("/catalog/categories");
        browser.post("/catalog/categories/" + tools, Map.of("name", "Herramientas", "parentId", manual, "version", "0"));
        assertThat(browser.get("/catalog/categories").body()).contains("id=\"categories-error\"",
                "Una categoría no puede quedar dentro de sí misma");

        browser.post("/catalog/categories/" + tools + "/active", Map.of("active", "false", "version", "0"));
        assertThat(browser.get("/catalog/categories").body()).contains("Categoría desactivada");
        assertThat(api.get(tenant.adminKey(), "/api/v1/categories/" + manual).json().get("active").asBoolean()).isFalse();
    }

    @Test
    void suppliersAreCreatedWithValidatedFieldsAndLinkedToItems() {
        var tenant = fixtures.tenant();
        WebSession browser = browser(tenant, tenant.adminEmail());
        browser.get("/catalog/suppliers");
        Map<String, String> form = new LinkedHashMap<>(Map.of("name", "Andina", "email", "no-es-correo",
                "phone", "abc", "active", "true", "_active", "on"));
        Page refused = browser.post("/catalog/suppliers", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Correo no válido.", "Teléfono no válido");
        form.put("email", "ventas@andina.example");
        form.put("phone", "+57 601 555 0000");
        assertThat(browser.post("/catalog/suppliers", form).locationPath()).isEqualTo("/catalog/suppliers");
        String supplier = api.get(tenant.adminKey(), "/api/v1/suppliers").json().get("items").get(0).get("id").asString();

        Page edit = browser.get("/catalog/suppliers/" + supplier);
        form.put("version", "0");
        form.remove("active");
        assertThat(browser.post("/catalog/suppliers/" + supplier, form).locationPath())
                .isEqualTo("/catalog/suppliers/" + supplier);
        assertThat(edit.status()).isEqualTo(200);
        assertThat(api.get(tenant.adminKey(), "/api/v1/suppliers/" + supplier).json().get("active").asBoolean()).isFalse();

        String item = api.post(tenant.adminKey(), "/api/v1/items", ItemsApiTest.item("LINK-1", "Enlazado")).json()
                .get("id").asString();
        browser.get("/catalog/items/" + item);
        browser.post("/catalog/items/" + item + "/suppliers", Map.of("supplierId", supplier, "supplierCode", "AN-7",
                "lastPrice", "3.20", "leadTimeDays", "4", "preferred", "true"));
        assertThat(browser.get("/catalog/items/" + item).body()).contains("id=\"link-" + supplier + "\"", "AN-7");
    }

    @Test
    void importShowsProgressThatStopsPollingWhenDone() {
        var tenant = fixtures.tenant();
        WebSession browser = browser(tenant, tenant.adminEmail());
        assertThat(browser.get("/catalog/import").body()).contains("id=\"import-form\"", "id=\"mode-skip\"");
        Page started = browser.postMultipart("/catalog/import", Map.of("mode", "skip_invalid"), "items.csv",
                "sku,name,sale_price\nIMP-1,Bueno,2\nIMP-2,Malo,xyz\n");
        assertThat(started.status()).isEqualTo(302);
        String jobPath = started.locationPath();
        assertThat(jobPath).startsWith("/catalog/import/");
        assertThat(browser.get(jobPath).body()).contains("id=\"import-progress\"");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Page progress = browser.get(jobPath + "/progress");
        while (progress.body().contains("hx-trigger") && Instant.now().isBefore(deadline)) {
            pause();
            progress = browser.get(jobPath + "/progress");
        }
        assertThat(progress.body()).doesNotContain("hx-trigger", "<html");
        assertThat(progress.body()).contains("id=\"import-errors\"", "«xyz» no es un número.", "sale_price");
        assertThat(progress.find("<td>(\\d+)</td>")).isEqualTo("3");
        assertThat(api.get(tenant.adminKey(), "/api/v1/items?q=IMP-1").json().get("items")).hasSize(1);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aViewerReadsButCannotChange() {
        var tenant = fixtures.tenant();
        String email = "viewer@" + tenant.slug() + ".test";
        fixtures.user(tenant, email, "viewer");
        String item = api.post(tenant.adminKey(), "/api/v1/items", ItemsApiTest.item("VIEW-1", "Visible")).json()
                .get("id").asString();
        WebSession browser = browser(tenant, email);
        Page list = browser.get("/catalog/items");
        assertThat(list.body()).contains("VIEW-1").doesNotContain("id=\"new-item\"");
        assertThat(browser.get("/catalog/items/" + item).body()).doesNotContain("id=\"edit-item\"", "id=\"delete-item\"");
        assertThat(browser.post("/catalog/items/" + item + "/delete", Map.of()).status()).isEqualTo(403);
        assertThat(browser.get("/catalog/import").status()).isEqualTo(403);
        assertThat(browser.get("/catalog/items/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
