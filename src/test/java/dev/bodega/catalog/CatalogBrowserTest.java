package dev.bodega.catalog;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.bodega.demo.DemoData;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.BrowserTestBase;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The catalog in a real browser: search, the item form, and an import whose progress htmx polls to the end. */
@BodegaTest
class CatalogBrowserTest extends BrowserTestBase {

    private static final Path SCREENSHOTS = Paths.get("target/screenshots");

    @Autowired TestFixtures fixtures;
    @Autowired DemoData demo;

    @Override
    protected Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setViewportSize(1280, 900);
    }

    @Test
    void searchTheDemoCatalogAndCreateAnItem() {
        var tenant = fixtures.tenant();
        demo.fill(tenant.id(), tenant.adminId());
        logIn(tenant);

        page.click("#nav-catalog");
        assertThat(page.locator("#items-table tbody tr")).hasCount(50);
        page.fill("#items-q", "tornillos hexagonales m8");
        page.press("#items-q", "Enter");
        assertThat(page.locator("#items-table tbody tr").first()).containsText("Tornillo hexagonal M8");
        screenshot("items");

        page.locator("#items-table .item-link").first().click();
        assertThat(page.locator("#item-suppliers-table tbody tr")).hasCount(1);
        screenshot("item");

        page.click("#tab-categories");
        assertThat(page.locator("#category-tree tbody tr")).hasCount(21);
        screenshot("categories");

        page.click("#tab-items");
        page.click("#new-item");
        page.fill("#sku", "BRW-1");
        page.fill("#name", "Cable de prueba");
        page.selectOption("#kind", "bulk_material");
        page.selectOption("#unitCode", "m");
        page.fill("#minStock", "1.555");
        page.click("#item-save");
        assertThat(page.locator("#minStock ~ .field-error")).isVisible();
        screenshot("item-form-errors");
        page.fill("#minStock", "1.5");
        page.click("#item-save");
        assertThat(page.locator("#item-message")).isVisible();
        assertThat(page.locator("#item-name")).containsText("BRW-1");
    }

    @Test
    void anImportShowsItsProgressAndErrorReport() {
        var tenant = fixtures.tenant();
        logIn(tenant);
        page.navigate("/catalog/import");
        StringBuilder csv = new StringBuilder("sku,name,category,sale_price\n");
        for (int i = 1; i <= 1200; i++) {
            csv.append("IMP-").append(i).append(",Artículo ").append(i).append(",Importados/Lote,")
                    .append(i == 700 ? "caro" : "1.50").append('\n');
        }
        page.setInputFiles("#import-file", new FilePayload("items.csv", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)));
        page.check("#mode-skip");
        page.click("#import-submit");

        assertThat(page.locator("#import-status")).hasText("Terminada",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.locator("#import-counts")).containsText("1200 filas leídas, 1199 importadas, 1 errores");
        assertThat(page.locator("#import-errors tbody tr")).hasCount(1);
        assertThat(page.locator("#import-errors tbody tr")).containsText("701");
        screenshot("import");
    }

    private void logIn(TestFixtures.Tenant tenant) {
        page.navigate("/login");
        page.fill("#company", tenant.slug());
        page.fill("#email", tenant.adminEmail());
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#login-submit");
        assertThat(page.locator("#dashboard-title")).isVisible();
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("catalog-" + name + ".png"))
                .setFullPage(true));
    }
}
