package dev.bodega.platform.internal.audit;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantSettingsService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** The audit page: filters, the rows with their old and new values, and a link to older rows. */
@Controller
@RequiresPermission("audit.read")
class AuditPageController {

    /** The filters as typed, to fill the form again. Dates are days in the tenant's time zone. */
    record Filter(String table, String action, String user, String row, String from, String to) {
    }

    record Row(long id, String when, String table, UUID rowId, String action, String oldValues, String newValues,
               String user, String clientIp, String userAgent) {
    }

    private final AuditLog audit;
    private final UserDirectory users;
    private final TenantSettingsService settings;

    AuditPageController(AuditLog audit, UserDirectory users, TenantSettingsService settings) {
        this.audit = audit;
        this.users = users;
        this.settings = settings;
    }

    @GetMapping("/audit")
    String page(Filter filter, PageQuery<String> paging, HttpServletRequest request, Model model) {
        ZoneId zone = settings.current().zoneId();
        Filters filters = Filters.forPage();
        var query = new AuditLog.Query(filter.table() == null || filter.table().isBlank() ? null : filter.table().trim(),
                filters.choice("action", filter.action(), AuditLog.Action.class), filters.uuid("user", filter.user()),
                filters.uuid("row", filter.row()), filters.dayStart("from", filter.from(), zone),
                filters.dayEnd("to", filter.to(), zone));
        Long before = filters.number("cursor", paging.cursor());
        CursorPage<AuditLog.Entry> page = filters.errors().isEmpty()
                ? audit.browse(query, before, paging.limit()) : new CursorPage<>(List.of(), null);
        model.addAttribute("filter", filter);
        model.addAttribute("filterErrors", filters.errors());
        model.addAttribute("rows", page.items().stream().map(entry -> row(entry, zone)).toList());
        model.addAttribute("nextUrl", Paging.nextUrl(request, page.nextCursor()));
        model.addAttribute("firstUrl", before == null ? null : Paging.firstUrl(request));
        model.addAttribute("users", users.all());
        model.addAttribute("actions", AuditLog.Action.values());
        model.addAttribute("zone", zone.getId());
        return "platform/audit";
    }

    private static Row row(AuditLog.Entry entry, ZoneId zone) {
        return new Row(entry.id(), Paging.time(entry.occurredAt(), zone), entry.table(), entry.rowId(), entry.action(),
                compact(entry.oldValues()), compact(entry.newValues()), entry.userName(), entry.clientIp(),
                entry.userAgent());
    }

    private static String compact(JsonNode values) {
        return values == null ? "" : values.toString();
    }
}
