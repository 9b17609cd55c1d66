package dev.bodega;

import com.microsoft.playwright.Browser;
import dev.bodega.platform.OperatorAccounts;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.BrowserTestBase;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * At phone width (390×844): the menu folds behind its button, and the pages used standing in a shop (home,
 * stock lookups, the kárdex, receiving a supplier order, the inbox's contacts, canned answers, scheduled messages
 * and metrics, webhooks, assistants, and the operator's console) never scroll sideways.
 */
@BodegaTest
class PhoneLayoutBrowserTest extends BrowserTestBase {

    private static final int WIDTH = 390;

    @Autowired TestFixtures fixtures;
    @Autowired OperatorAccounts operators;

    @Override
    protected Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setViewportSize(WIDTH, 844).setIsMobile(true).setHasTouch(true);
    }

    @Test
    void theMenuFoldsBehindItsButtonAndTheManagersHomeFits() {
        var tenant = fixtures.tenant();
        Shop shop = shop(tenant);
        logInAsManager(tenant);

        assertThat(page.locator("#menu-toggle")).isVisible();
        assertThat(page.locator("#nav-inventory")).isHidden();
        assertThat(page.locator(".topbar").boundingBox().height).isLessThan(844 * 0.1);
        page.click("#menu-toggle");
        assertThat(page.locator("#menu-toggle")).hasAttribute("aria-expanded", "true");
        assertThat(page.locator("#nav-inventory")).isVisible();
        assertThat(page.locator("#logout")).isVisible();
        page.click("#menu-toggle");
        assertThat(page.locator("#nav-inventory")).isHidden();

        assertThat(page.locator("#home-low-stock")).containsText(shop.itemName);
        assertThat(page.locator("#home-today")).isVisible();
        assertThat(page.locator("#home-approvals")).isVisible();
        assertFitsTheScreen("/");

        page.click("#menu-toggle");
        page.click("#nav-inventory");
        assertThat(page.locator("#levels-title")).isVisible();
    }

    @Test
    void stockLookupsTheKardexAndReceivingDoNotScrollSideways() {
        var tenant = fixtures.tenant();
        Shop shop = shop(tenant);
        logInAsManager(tenant);

        page.navigate("/inventory");
        // Each row is stacked, its cells named by their column.
        assertThat(page.locator("#levels-table td[data-label]").first()).isVisible();
        assertThat(page.locator("#levels-table thead")).isHidden();
        assertFitsTheScreen("/inventory");
        page.navigate("/inventory/low-stock");
        assertThat(page.locator(".low-row")).hasCount(1);
        assertFitsTheScreen("/inventory/low-stock");
        page.navigate("/inventory/items/" + shop.item + "/kardex");
        assertThat(page.locator(".kardex-row")).hasCount(1);
        assertThat(page.locator(".item-stock-table")).isVisible();
        assertFitsTheScreen("kárdex");

        page.navigate("/purchasing/orders/" + shop.order);
        assertThat(page.locator("#receive-form")).isVisible();
        assertFitsTheScreen("a supplier order's receive form");
        page.fill("#receive-qty-1", "3");
        page.click("#receive-submit");
        assertThat(page.locator("#receipts-table")).isVisible();
        assertFitsTheScreen("a supplier order after a delivery");
    }

    @Test
    void aTechniciansOwnPageFits() {
        var tenant = fixtures.tenant();
        Shop shop = shop(tenant);
        String email = "tecnico@" + tenant.slug() + ".test";
        UUID technician = fixtures.user(tenant, email, "technician");
        assertThat(api.post(tenant.adminKey(), "/api/v1/service/technician-movements", Map.of("locationId", shop.store(),
                "itemId", shop.item(), "technicianId", technician, "concept", "prestamo", "quantity", 2,
                "workOrder", "OT-2026-000123-TALLER-NORTE")).status()).isEqualTo(201);
        logIn(tenant, email);

        page.navigate("/service/my-parts");
        assertThat(page.locator("main")).containsText(shop.itemName());
        assertFitsTheScreen("the technician's own page");
    }

    @Test
    void theInboxWebhookAssistantAndOperatorPagesFit() {
        var tenant = fixtures.tenant();
        String key = api.post(tenant.adminKey(), "/api/v1/channels/web-chat", Map.of("name", "Tienda en línea"))
                .json().get("publicKey").asString();
        assertThat(api.post(tenant.adminKey(), "/api/v1/webhooks", Map.of("url", api.baseUrl()
                + "/integraciones/contabilidad/bodega/ventas-completadas-de-la-sucursal-principal?cuenta=000123456789",
                "description", "Contabilidad: ventas y devoluciones de la sucursal principal del centro",
                "eventTypes", List.of("sale.completed", "sale.cancelled", "stock.low"))).status()).isEqualTo(201);
        assertThat(api.post(tenant.adminKey(), "/api/v1/assistants", Map.of(
                "name", "Asistente de ventas de la sucursal principal del centro comercial")).status()).isEqualTo(201);
        assertThat(api.post(null, "/webchat/" + key + "/messages", Map.of("visitorId", "visitor-phone-0123456789",
                "name", "Maximiliano Fernández de la Concepción", "email", "maximiliano.fernandez@example.com",
                "text", "¿Tienen bujías de iridio?")).status()).isEqualTo(201);
        assertThat(api.post(tenant.adminKey(), "/api/v1/response-templates", Map.of("name", "Horario de atención",
                "shortcut", "horario-de-atencion", "content", "Abrimos de lunes a sábado de 8:00 a 19:00",
                "triggerKeywords", List.of("horario", "abren", "cierran", "sábado"))).status()).isEqualTo(201);
        String contact = api.get(tenant.adminKey(), "/api/v1/contacts").json().get("items").get(0).get("id").asString();
        logIn(tenant, tenant.adminEmail());

        for (String path : List.of("/messaging/contacts", "/messaging/contacts/" + contact, "/messaging/templates",
                "/messaging/scheduled", "/messaging/metrics", "/settings/webhooks", "/messaging/assistants")) {
            page.navigate(path);
            assertThat(page.locator("main h1")).isVisible();
            assertFitsTheScreen(path);
        }

        // The operator's console, and the company it is let into with the banner that says so.
        page.navigate("/settings/operator-access");
        page.click("#operator-access-submit");
        String operator = "operadora-de-soporte-" + UUID.randomUUID() + "@bodega.test";
        operators.createIfMissing(operator, "Operadora de soporte", TestFixtures.PASSWORD);
        page.navigate("/operator/login");
        page.fill("#email", operator);
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#operator-login-submit");
        for (String path : List.of("/operator?q=" + tenant.slug(), "/operator/companies/" + tenant.id())) {
            page.navigate(path);
            assertThat(page.locator("main h1")).isVisible();
            assertFitsTheScreen(path);
        }
        page.click("#operator-open");
        assertThat(page.locator("#operator-banner")).containsText("solo lectura");
        assertFitsTheScreen("a company's home under the operator's banner");
        page.click("#operator-close");
        assertThat(page.locator("#operator-companies")).isVisible();
    }

    private void assertFitsTheScreen(String what) {
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(scrollWidth).as("width of %s", what).isLessThanOrEqualTo(WIDTH);
    }

    /** A store with an item running low (long names and large figures, as real ones are) and an order sent for it. */
    private record Shop(UUID store, UUID item, String itemName, String order) {
    }

    private Shop shop(TestFixtures.Tenant tenant) {
        String key = tenant.adminKey();
        UUID store = created(api.post(key, "/api/v1/locations",
                Map.of("name", "Tienda principal del centro comercial", "kind", "store")));
        String name = "Bujía de encendido iridio para motor de cuatro tiempos";
        UUID item = created(api.post(key, "/api/v1/items", Map.of("sku", "BUJ-IRIDIO-4T-000123", "name", name,
                "salePrice", 1234567.5, "minStock", 100)));
        assertThat(api.post(key, "/api/v1/stock/receipts", Map.of("locationId", store,
                "lines", List.of(Map.of("itemId", item, "quantity", 12, "unitCost", 98765.4321)))).status()).isEqualTo(201);
        UUID supplier = created(api.post(key, "/api/v1/suppliers", Map.of("name", "Distribuidora Andina de Repuestos")));
        UUID order = created(api.post(key, "/api/v1/purchasing/orders", Map.of("supplierId", supplier,
                "locationId", store, "lines", List.of(Map.of("itemId", item, "quantity", 40, "unitCost", 98765.43)))));
        assertThat(api.post(key, "/api/v1/purchasing/orders/" + order + "/send", null).status()).isEqualTo(200);
        return new Shop(store, item, name, order.toString());
    }

    private void logInAsManager(TestFixtures.Tenant tenant) {
        String email = "jefe@" + tenant.slug() + ".test";
        fixtures.user(tenant, email, "manager");
        logIn(tenant, email);
    }

    private void logIn(TestFixtures.Tenant tenant, String email) {
        page.navigate("/login");
        page.fill("#company", tenant.slug());
        page.fill("#email", email);
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#login-submit");
        assertThat(page.locator("#dashboard-title")).isVisible();
    }

    private static UUID created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }
}
