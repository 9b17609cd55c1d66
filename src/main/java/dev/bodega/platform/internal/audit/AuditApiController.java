package dev.bodega.platform.internal.audit;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of edited rows (users, roles, API keys, settings, master data). */
@RestController
@RequiresPermission("audit.read")
@Tag(name = "Audit")
class AuditApiController {

    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Audit rows, newest first; from is inclusive, to exclusive (ISO-8601 timestamps, e.g. 2025-01-31T00:00:00Z)")
    CursorPage<AuditLog.Entry> list(@RequestParam(required = false) String table,
                                    @RequestParam(required = false) String action,
                                    @RequestParam(required = false) String userId,
                                    @RequestParam(required = false) String rowId,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    PageQuery<String> page) {
        Filters filters = Filters.forApi();
        var query = new AuditLog.Query(table == null || table.isBlank() ? null : table.trim(),
                filters.choice("action", action, AuditLog.Action.class), filters.uuid("userId", userId),
                filters.uuid("rowId", rowId), filters.instant("from", from), filters.instant("to", to));
        return audit.browse(query, filters.number("cursor", page.cursor()), page.limit());
    }
}
