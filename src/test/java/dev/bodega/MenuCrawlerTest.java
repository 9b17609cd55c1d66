package dev.bodega;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.WebSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As each user of the demo company (one per default role), every link of the menu and of the home page opens:
 * a 2xx answer, and no message key left unresolved ({@code ??key??}). A page added to a menu is walked here.
 */
@BodegaTest
class MenuCrawlerTest {

    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern NOT_A_PAGE = Pattern.compile("^/(css|js|webjars|images|favicon)|^/logout|[?&]lang=");

    @Autowired Api api;

    @ParameterizedTest
    @ValueSource(strings = {"admin", "gerente", "vendedor", "tecnico", "consulta"})
    void everyLinkOfTheMenuAndTheHomePageOpens(String user) {
        WebSession session = WebSession.signedIn(api.baseUrl(), "demo", user + "@demo.bodega", "bodega-demo");
        WebSession.Page home = session.get("/");
        assertThat(home.status()).isEqualTo(200);

        List<String> broken = new ArrayList<>();
        for (String link : links(home.body())) {
            WebSession.Page page = open(session, link);
            if (page.status() / 100 != 2) {
                broken.add(link + " answered " + page.status());
            } else if (page.body().contains("??")) {
                broken.add(link + " shows an unresolved message: " + page.find("(\\?\\?[^?<]*\\?\\?)"));
            }
        }
        assertThat(broken).as("links %s's pages lead to", user).isEmpty();
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
