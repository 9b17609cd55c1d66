package dev.bodega;

import dev.bodega.platform.Permissions;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The menus are built from permissions: each demo user sees a link of the main menu or of a module's own menu
 * exactly when they hold the permission its page requires (the page's {@code @RequiresPermission}), so no menu
 * leads to a 403 and no page a user may open is missing from it.
 */
@BodegaTest
class MenuPermissionsTest {

    private static final List<String> USERS = List.of("admin", "gerente", "vendedor", "tecnico", "consulta", "cliente",
            "operario");
    /** Where each menu is: the page that shows it and the element it is in. */
    private static final Map<String, String> MENUS = Map.of(
            "/", "<nav class=\"nav\" aria-label=\"main\">",
            "/inventory", "<nav class=\"subnav\" id=\"inventory-nav\"",
            "/catalog/items", "<nav id=\"catalog-tabs\"",
            "/purchasing/orders", "<p class=\"filters\" id=\"purchasing-links\"",
            "/insights/forecasts", "<p class=\"filters\" id=\"insights-links\"",
            "/inbox", "<p class=\"filters inbox-nav\" id=\"messaging-links\"");
    private static final Pattern LINK = Pattern.compile("<a [^>]*href=\"(/[^\"?#]*)");

    @Autowired Api api;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void eachMenuLinkShowsExactlyToWhoMayOpenItsPage() throws Exception {
        Map<String, Set<String>> shown = new LinkedHashMap<>();
        Map<String, Set<String>> permissions = new LinkedHashMap<>();
        for (String user : USERS) {
            WebSession session = WebSession.signedIn(api.baseUrl(), "demo", user + "@demo.bodega", "bodega-demo");
            Set<String> held = new LinkedHashSet<>();
            session.api("GET", "/api/v1/me", null).json().get("permissions").forEach(p -> held.add(p.asString()));
            permissions.put(user, held);
            Set<String> links = new LinkedHashSet<>();
            MENUS.forEach((page, menu) -> {
                WebSession.Page answer = session.get(page);
                if (answer.status() == 200) {
                    links.addAll(links(answer.body(), menu));
                }
            });
            shown.put(user, links);
        }

        List<String> wrong = new ArrayList<>();
        for (String link : shown.get("admin")) {
            String required = requiredPermission(link);
            for (String user : USERS) {
                boolean may = required == null || Permissions.allows(permissions.get(user), required);
                if (may != shown.get(user).contains(link)) {
                    wrong.add(link + (may ? " is missing for " : " is shown to ") + user + " (page needs " + required + ")");
                }
            }
        }
        assertThat(shown.get("admin")).contains("/inventory/adjustments", "/pos", "/api-keys", "/inventory/receive");
        assertThat(wrong).isEmpty();
    }

    private static Set<String> links(String html, String menu) {
        int start = html.indexOf(menu);
        assertThat(start).as("menu " + menu).isNotNegative();
        String tag = menu.substring(1, menu.indexOf(' '));
        String inside = html.substring(start, html.indexOf("</" + tag + ">", start));
        Set<String> links = new LinkedHashSet<>();
        Matcher matcher = LINK.matcher(inside);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }

    /** The permission the link's page declares; null for a page every signed-in user may open. */
    private String requiredPermission(String link) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", link);
        request.addHeader("Accept", "text/html");
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain = mappings.getHandler(request);
        assertThat(chain).as("a page for " + link).isNotNull();
        HandlerMethod handler = (HandlerMethod) chain.getHandler();
        RequiresPermission rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequiresPermission.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequiresPermission.class);
        }
        return rule == null ? null : rule.value();
    }
}
