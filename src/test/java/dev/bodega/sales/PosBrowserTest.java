package dev.bodega.sales;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import dev.bodega.inventory.StockPostings;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.BrowserTestBase;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The till in a real browser: with the keyboard only on a desktop (scan two items, pay cash with change, get the
 * receipt), and on a phone (390×844) by touch on the product grid, resuming a parked sale, and warned of stock.
 */
@BodegaTest
class PosBrowserTest extends BrowserTestBase {


    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;

    /** A touch screen, so a test can tap as a finger does. */
    @Override
    protected Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setHasTouch(true);
    }


    @Test
    void ringUpATwoLineSaleWithTheKeyboardPayCashAndPrintTheReceipt() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "19", true);
        UUID hammer = shop.item("HAM-01", "23.80", "10", "12.00");
        UUID nails = shop.item("NAIL-100", "4.76", "50", "2.00");
        shop.sql("UPDATE items SET barcode = '7701234567890' WHERE id = :id", Map.of("id", nails));
        shop.customer("71717171", "Rocío Cliente");

        signIn(shop);
        page.navigate("/pos");

        // A scanner types the code and Enter; "3*" before a code sells three.
        page.locator("#pos-scan").focus();
        page.keyboard().type("ham-01");
        page.keyboard().press("Enter");
        assertThat(page.locator("#pos-line-0")).containsText("HAM-01");
        page.keyboard().type("3*7701234567890");
        page.keyboard().press("Enter");
        assertThat(page.locator("#pos-line-1")).containsText("NAIL-100");
        assertThat(page.locator("#pos-qty-1")).hasValue("3");
        assertThat(page.locator("#pos-total")).hasText("38,08");     // 23.80 + 3 × 4.76, as Spanish writes it
        assertThat(page.locator("#pos-tax")).hasText("6,08");

        page.keyboard().press("F4");
        page.keyboard().type("Rocío");
        assertThat(page.locator("#pos-customer-option-0")).containsText("71717171");
        page.keyboard().press("Enter");
        assertThat(page.locator("#pos-customer-selected")).containsText("Rocío Cliente");

        page.keyboard().press("F8");
        page.keyboard().type("50");
        assertThat(page.locator("#pos-change")).hasText("11,92");
        page.keyboard().press("Enter");

        page.waitForURL("**/sales/*/receipt?new");
        assertThat(page.locator("#receipt-invoice")).hasText("F001-00000001");
        assertThat(page.locator("#receipt-total")).hasText("USD 38,08");
        assertThat(page.locator("#receipt-change")).hasText("11,92");
        assertThat(page.locator("#receipt-lines")).containsText("Item NAIL-100");
        assertThat(page.locator("#receipt-print")).isVisible();
        assertThat(shop.onHand(hammer)).isEqualByComparingTo("9");
        assertThat(shop.onHand(nails)).isEqualByComparingTo("47");
        assertThat(shop.query("SELECT purchase_count FROM customers", Map.of(), Integer.class)).isEqualTo(1);
    }

    @Test
    void onAPhoneASaleByTouchOnTheProductGridKeepsTheTotalInSight() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID category = category(shop, "Lubricantes");
        for (int i = 1; i <= 6; i++) {
            UUID item = shop.item("OIL-" + i, i + ".00", "10", "0.50");
            shop.sql("UPDATE items SET name = :name, category_id = :c WHERE id = :id",
                    Map.of("name", "Aceite de motor número " + i, "c", category, "id", item));
        }
        phone();
        signIn(shop);
        page.navigate("/pos");

        page.locator(".pos-category", new Page.LocatorOptions().setHasText("Lubricantes")).tap();
        assertThat(page.locator("#pos-products .pos-product")).hasCount(6);
        for (int i = 0; i < 6; i++) {
            page.locator("#pos-product-" + i).tap();
            assertThat(page.locator("#pos-line-" + i)).isVisible();
        }
        page.locator("#pos-products [data-sku=OIL-1]").tap();
        assertThat(page.locator("#pos-total")).hasText("22,00");     // 1 + … + 6 = 21, and OIL-1 a second time
        page.locator("#pos-line-5").scrollIntoViewIfNeeded();
        assertThat(page.locator("#pos-total")).isInViewport();
        assertThat(page.locator("#pos-complete")).isInViewport();
        assertNoHorizontalScroll();

        page.locator("#pos-complete").tap();
        page.waitForURL("**/sales/*/receipt?new");
        assertThat(shop.query("SELECT total FROM sales WHERE status = 'completed'", Map.of(), BigDecimal.class))
                .isEqualByComparingTo("22.00");
    }

    @Test
    void onAPhoneAParkedSaleIsResumedFromItsPageChangedAndCompleted() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        shop.item("PARK-1", "5.00", "10", "1.00");
        phone();
        signIn(shop);
        page.navigate("/pos");
        scan("PARK-1");
        assertThat(page.locator("#pos-line-0")).containsText("PARK-1");
        page.locator("#pos-park").tap();
        assertThat(page.locator("#pos-notice")).containsText("quedó pendiente");
        assertThat(page.locator("#pos-empty")).isVisible();
        assertThat(page.locator("#pos-resume-0")).containsText("5,00");
        UUID parked = shop.query("SELECT id FROM sales WHERE status = 'pending'", Map.of(), UUID.class);

        page.navigate("/sales/" + parked);
        page.locator("#sale-resume").tap();
        assertThat(page.locator("#pos-line-0")).containsText("PARK-1");
        assertThat(page.locator("#pos-notice")).containsText("retomada");
        page.locator("#pos-qty-0").fill("3");
        page.locator("#pos-qty-0").press("Enter");
        assertThat(page.locator("#pos-total")).hasText("15,00");
        assertNoHorizontalScroll();
        page.locator("#pos-complete").tap();

        page.waitForURL("**/sales/" + parked + "/receipt?new");
        assertThat(shop.query("SELECT count(*) FROM sales", Map.of(), Long.class)).isEqualTo(1);
        assertThat(shop.query("SELECT status FROM sales", Map.of(), String.class)).isEqualTo("completed");
        assertThat(shop.query("SELECT quantity FROM sale_lines", Map.of(), BigDecimal.class)).isEqualByComparingTo("3");
    }

    @Test
    void onAPhoneTheTillWarnsInSpanishOfAnItemWithoutStockAndFindsItemsByName() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID filter = shop.item("FIL-AIR", "12.00", "0", "0");
        UUID plug = shop.item("NGK-7", "8.00", "2", "3.00");
        shop.sql("UPDATE items SET name = 'Filtro de aire' WHERE id = :id", Map.of("id", filter));
        shop.sql("UPDATE items SET name = 'Bujía NGK' WHERE id = :id", Map.of("id", plug));
        phone();
        signIn(shop);
        page.navigate("/pos");

        scan("FIL-AIR");
        assertThat(page.locator("#pos-warning")).containsText("No hay existencias de Filtro de aire (FIL-AIR) en Tienda centro");
        assertThat(page.locator("#pos-line-0 .pos-line-stock")).hasClass(java.util.regex.Pattern.compile("short"));
        page.locator("#pos-line-0 .pos-remove").tap();

        scan("3*bujia");
        assertThat(page.locator("#pos-line-0")).containsText("Bujía NGK");
        assertThat(page.locator("#pos-warning")).containsText("Solo hay 2 de Bujía NGK (NGK-7) en Tienda centro; la venta lleva 3");
        page.locator("#pos-complete").tap();
        assertThat(page.locator("#pos-error"))
                .hasText("No hay existencias suficientes de Bujía NGK (NGK-7) en Tienda centro: hay 2 y la venta pide 3.");
        assertNoHorizontalScroll();
        assertThat(shop.query("SELECT count(*) FROM sales", Map.of(), Long.class)).isZero();
    }

    private void phone() {
        page.setViewportSize(390, 844);
    }

    private void signIn(Shop shop) {
        page.navigate("/login");
        page.fill("#company", shop.tenant.slug());
        page.fill("#email", shop.tenant.adminEmail());
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#login-submit");
        page.waitForURL("**/");
    }

    private void scan(String code) {
        page.locator("#pos-scan").fill(code);
        page.locator("#pos-scan").press("Enter");
    }

    private void assertNoHorizontalScroll() {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("px wider than the screen").isLessThanOrEqualTo(0);
    }

    private UUID category(Shop shop, String name) {
        var created = api.post(shop.tenant.adminKey(), "/api/v1/categories", Map.of("name", name));
        return UUID.fromString(created.json().get("id").asString());
    }
}
