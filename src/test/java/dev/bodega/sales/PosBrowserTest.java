package dev.bodega.sales;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The till in a real browser, with the keyboard only: scan two items, pay cash with change, get the receipt. */
@BodegaTest
class PosBrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    private static Playwright playwright;
    private static Browser browser;

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launchChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "Browser tests skipped: no Chromium at /usr/bin/chromium (install it with: apt-get install -y chromium)");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setBaseURL(api.baseUrl()));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void ringUpATwoLineSaleWithTheKeyboardPayCashAndPrintTheReceipt() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "19", true);
        UUID hammer = shop.item("HAM-01", "23.80", "10", "12.00");
        UUID nails = shop.item("NAIL-100", "4.76", "50", "2.00");
        shop.sql("UPDATE items SET barcode = '7701234567890' WHERE id = :id", Map.of("id", nails));
        shop.customer("71717171", "Rocío Cliente");

        page.navigate("/login");
        page.fill("#company", shop.tenant.slug());
        page.fill("#email", shop.tenant.adminEmail());
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#login-submit");
        page.waitForURL("**/");
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
        assertThat(page.locator("#pos-total")).hasText("38.08");     // 23.80 + 3 × 4.76
        assertThat(page.locator("#pos-tax")).hasText("6.08");

        page.keyboard().press("F4");
        page.keyboard().type("Rocío");
        assertThat(page.locator("#pos-customer-option-0")).containsText("71717171");
        page.keyboard().press("Enter");
        assertThat(page.locator("#pos-customer-selected")).containsText("Rocío Cliente");

        page.keyboard().press("F8");
        page.keyboard().type("50");
        assertThat(page.locator("#pos-change")).hasText("11.92");
        page.keyboard().press("Enter");

        page.waitForURL("**/sales/*/receipt?new");
        assertThat(page.locator("#receipt-invoice")).hasText("F001-00000001");
        assertThat(page.locator("#receipt-total")).hasText("USD 38.08");
        assertThat(page.locator("#receipt-change")).hasText("11.92");
        assertThat(page.locator("#receipt-lines")).containsText("Item NAIL-100");
        assertThat(page.locator("#receipt-print")).isVisible();
        assertThat(shop.onHand(hammer)).isEqualByComparingTo("9");
        assertThat(shop.onHand(nails)).isEqualByComparingTo("47");
        assertThat(shop.query("SELECT purchase_count FROM customers", Map.of(), Integer.class)).isEqualTo(1);
    }
}
