package dev.bodega.platform.internal.audit;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.platform.internal.identity.SecurityEvents.Risk;
import dev.bodega.platform.internal.identity.SecurityEvents.Type;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.ZoneId;
import java.util.List;

/**
 * The security events page. {@code ?user=<id>} is how the lockout
 * notification links here, so that filter arrives by URL as well as by form.
 */
@Controller
@RequiresPermission("security.read")
class SecurityEventsPageController {

    record Filter(String type, String risk, String user, String from, String to) {
    }

    record Row(String when, String type, String risk, String user, String ipAddress, String userAgent,
               String details) {
    }

    private final SecurityEventLog events;
    private final UserDirectory users;
    private final TenantSettingsService settings;

    SecurityEventsPageController(SecurityEventLog events, UserDirectory users, TenantSettingsService settings) {
        this.events = events;
        this.users = users;
        this.settings = settings;
    }

    @GetMapping("/security-events")
    String page(Filter filter, PageQuery<String> paging, HttpServletRequest request, Model model) {
        ZoneId zone = settings.current().zoneId();
        Filters filters = Filters.forPage();
        var query = new SecurityEventLog.Query(filters.choice("type", filter.type(), Type.class),
                filters.choice("risk", filter.risk(), Risk.class), filters.uuid("user", filter.user()),
                filters.dayStart("from", filter.from(), zone), filters.dayEnd("to", filter.to(), zone));
        var before = filters.uuid("cursor", paging.cursor());
        CursorPage<SecurityEventLog.Event> page = filters.errors().isEmpty()
                ? events.browse(query, before, paging.limit()) : new CursorPage<>(List.of(), null);
        model.addAttribute("filter", filter);
        model.addAttribute("filterErrors", filters.errors());
        model.addAttribute("rows", page.items().stream().map(event -> row(event, zone)).toList());
        model.addAttribute("nextUrl", Paging.nextUrl(request, page.nextCursor()));
        model.addAttribute("firstUrl", before == null ? null : Paging.firstUrl(request));
        model.addAttribute("users", users.all());
        model.addAttribute("types", Type.values());
        model.addAttribute("risks", Risk.values());
        model.addAttribute("zone", zone.getId());
        return "platform/security-events";
    }

    private static Row row(SecurityEventLog.Event event, ZoneId zone) {
        return new Row(Paging.time(event.occurredAt(), zone), event.type(), event.risk(), event.userName(),
                event.ipAddress(), event.userAgent(), event.details());
    }
}
