package dev.bodega.platform.internal.audit;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.internal.identity.SecurityEvents.Risk;
import dev.bodega.platform.internal.identity.SecurityEvents.Type;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sign-ins, failures, lockouts and API key use (seed 004 security events). */
@RestController
@RequiresPermission("security.read")
@Tag(name = "Security events")
class SecurityEventsApiController {

    private final SecurityEventLog events;

    SecurityEventsApiController(SecurityEventLog events) {
        this.events = events;
    }

    @GetMapping("/api/v1/security-events")
    @Operation(summary = "Security events, newest first; from is inclusive, to exclusive (ISO-8601 timestamps)")
    CursorPage<SecurityEventLog.Event> list(@RequestParam(required = false) String type,
                                            @RequestParam(required = false) String risk,
                                            @RequestParam(required = false) String userId,
                                            @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            PageQuery<String> page) {
        Filters filters = Filters.forApi();
        var query = new SecurityEventLog.Query(filters.choice("type", type, Type.class),
                filters.choice("risk", risk, Risk.class), filters.uuid("userId", userId),
                filters.instant("from", from), filters.instant("to", to));
        return events.browse(query, filters.uuid("cursor", page.cursor()), page.limit());
    }
}
