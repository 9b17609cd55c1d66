package dev.bodega;

import dev.bodega.platform.BrowserHeadersTest;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As each user of the demo company (one per default role), in each language, every link of the menu and of the
 * home page opens: a 2xx answer, no message key left unresolved ({@code ??key??}), and none of the codes the
 * application stores (reasons, statuses, plans, roles, permissions) shown as text instead of its words. A page
 * added to a menu is walked here.
 */
@BodegaTest
class MenuCrawlerTest {

    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    /** The inventory pages' own menu, walked as well: its pages (counts among them) have no link in the main menu. */
    private static final Pattern INVENTORY_NAV = Pattern.compile("<nav class=\"subnav\" id=\"inventory-nav\".*?</nav>", Pattern.DOTALL);
    private static final Pattern NOT_A_PAGE = Pattern.compile("^/(css|js|webjars|images|favicon)|^/logout|[?&]lang=");
    /** Codes a user must never read: each is shown through the bundles. */
    private static final List<String> RAW_CODES = List.of("damaged", "count_correction", "pending_approval",
            "partially_received", "transfer_out", "transfer_in", "opening_balance", "bulk_material", "starter",
            "enterprise", "suspended", "technician", "viewer", "sales.create", "sales.read", "sales.*", "catalog.read",
            "inventory.read", "inventory.adjust", "customers.*", "*.read", "low_stock",
            "PENDIENTE", "ALISTAMIENTO", "DESPACHADO", "RECIBIDO", "CANCELADO", "APROBADA", "RECHAZADA", "SIN_ENVIAR",
            "prestamo", "cotizacion", "devolucion", "customer_return", "purchase_receipt", "part_usage",
            "sale_cancellation", "all_or_nothing", "skip_invalid", "partially_shipped");
    private static final Pattern RAW_CODE = Pattern.compile("(?<![\\w.*])(" + String.join("|",
            RAW_CODES.stream().map(Pattern::quote).toList()) + ")(?![\\w.*])");
    /**
     * What the page shows as words: no scripts, styles, tags (nor their attributes), what a user types into
     * fields, nor text marked as code ({@code <code>}, {@code <pre>}: the syntax of a permission, an audited row).
     */
    private static final Pattern HIDDEN = Pattern.compile(
            "(?s)<(script|style|textarea|code|pre)\\b.*?</\\1>|<!--.*?-->|<[^>]*>");

    /**
     * Menu pages whose own links are walked too: every demo transfer request, in each of its states; partners,
     * machines; a partner user's own machines; every movement waiting for approval or decided; forecasts (their
     * item pages, recommendations and suggestions); the inbox's conversations in each state and its settings;
     * customer orders in each state, and partners' invoices; the assistants and their metrics.
     */
    private static final List<String> WALKED_FURTHER = List.of("/inventory/requests", "/partners", "/service/machines",
            "/portal/machines", "/inventory/approvals", "/insights/forecasts", "/inbox", "/sales/customer-orders",
            "/portal/invoices", "/messaging/contacts", "/messaging/templates", "/messaging/assistants");

    @Autowired Api api;

    @ParameterizedTest
    @CsvSource({"admin, es", "gerente, es", "vendedor, es", "tecnico, es", "consulta, es",
            "admin, en", "gerente, en", "vendedor, en", "tecnico, en", "consulta, en",
            "cliente, es", "operario, en"})
    void everyLinkOfTheMenuAndTheHomePageOpens(String user, String language) {
        WebSession session = WebSession.signedIn(api.baseUrl(), "demo", user + "@demo.bodega", "bodega-demo");
        WebSession.Page home = session.get("/?lang=" + language);
        assertThat(home.status()).isEqualTo(200);

        List<String> broken = new ArrayList<>();
        Set<String> toOpen = links(home.body());
        Matcher inventoryNav = INVENTORY_NAV.matcher(session.get("/inventory").body());
        if (inventoryNav.find()) {
            toOpen.addAll(links(inventoryNav.group()));
        }
        for (String further : WALKED_FURTHER) {
            WebSession.Page page = toOpen.contains(further) ? open(session, further) : null;
            if (page != null && page.status() == 200) {
                toOpen.addAll(links(page.body()));
            }
        }
        for (String link : toOpen) {
            WebSession.Page page = open(session, link);
            if (page.status() / 100 != 2) {
                broken.add(link + " answered " + page.status());
            } else if (!BrowserHeadersTest.problems(page).isEmpty()) {
                broken.add(link + " lacks " + BrowserHeadersTest.problems(page));
            } else if (page.body().contains("??")) {
                broken.add(link + " shows an unresolved message: " + page.find("(\\?\\?[^?<]*\\?\\?)"));
            } else {
                rawCode(page.body()).ifPresent(code -> broken.add(link + " shows the code " + code));
            }
        }
        assertThat(broken).as("links %s's pages lead to", user).isEmpty();
    }

    @Test
    void aCodeIsFoundInTheTextNotInAttributesNorInsideWords() {
        assertThat(rawCode("<td>Dañado</td><td>damaged</td>")).hasValue("damaged");
        assertThat(rawCode("<span class=\"pill\" title=\"sales.create\">Ventas: vender</span>")).isEmpty();
        assertThat(rawCode("<p>sales.create</p>")).hasValue("sales.create");
        assertThat(rawCode("<p>sales.created_at, undamaged</p><script>var s = 'starter';</script>")).isEmpty();
    }

    static Optional<String> rawCode(String html) {
        Matcher code = RAW_CODE.matcher(HtmlUtils.htmlUnescape(HIDDEN.matcher(html).replaceAll(" ")));
        return code.find() ? Optional.of(code.group(1)) : Optional.empty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "gerente", "vendedor", "consulta"})
    void theCashSessionsAreInTheMenuOfEveryRoleThatSellsOrReadsSales(String user) {
        WebSession session = WebSession.signedIn(api.baseUrl(), "demo", user + "@demo.bodega", "bodega-demo");
        assertThat(links(session.get("/").body())).contains("/cash-sessions");
    }

    /** The page, after the redirects a browser would follow (the API's documentation moves to its index). */
    private static WebSession.Page open(WebSession session, String link) {
        WebSession.Page page = session.get(link);
        for (int hops = 0; hops < 3 && page.status() / 100 == 3; hops++) {
            page = session.get(page.locationPath());
        }
        return page;
    }

    private static Set<String> links(String html) {
        Set<String> links = new LinkedHashSet<>();
        Matcher matcher = LINK.matcher(html);
        while (matcher.find()) {
            String link = matcher.group(1).replace("&amp;", "&");
            if (!NOT_A_PAGE.matcher(link).find()) {
                links.add(link);
            }
        }
        assertThat(links).as("links on the home page").isNotEmpty();
        return links;
    }
}
