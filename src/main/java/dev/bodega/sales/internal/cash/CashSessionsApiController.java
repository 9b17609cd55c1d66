package dev.bodega.sales.internal.cash;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.platform.Text;
import dev.bodega.sales.internal.cash.CashViews.Detail;
import dev.bodega.sales.internal.cash.CashViews.Session;
import dev.bodega.sales.internal.cash.CashViews.ZReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Cash sessions of the till: open with a float, cash in and out, close with a count, the Z report. The POSTs take an
 * Idempotency-Key. Sessions are those of the locations the caller may work at.
 */
@RestController
@RequestMapping("/api/v1/cash-sessions")
@Tag(name = "Cash sessions")
class CashSessionsApiController {

    private final CashSessions sessions;
    private final CashQueries queries;
    private final Idempotency idempotency;
    private final TenantSettingsService settings;

    CashSessionsApiController(CashSessions sessions, CashQueries queries, Idempotency idempotency,
                              TenantSettingsService settings) {
        this.sessions = sessions;
        this.queries = queries;
        this.idempotency = idempotency;
        this.settings = settings;
    }

    @GetMapping
    @RequiresPermission("sales.read")
    @Operation(summary = "List cash sessions, newest first; filter by location and status (open, closed)")
    CursorPage<Session> list(@RequestParam(required = false) UUID locationId,
                             @RequestParam(required = false) String status, PageQuery<UUID> page) {
        return queries.list(locationId, Text.blankToNull(status), page.cursor(), page.limit());
    }

    @GetMapping("/denominations")
    @RequiresPermission("sales.read")
    @Operation(summary = "The bills and coins of the company's currency a closing count lists, largest first")
    List<BigDecimal> denominations() {
        return Denominations.of(settings.current().currency());
    }

    @PostMapping
    @RequiresPermission("sales.create")
    @Operation(summary = "Open a session at a location with an opening float; one open session per location (409)")
    ResponseEntity<?> open(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                           @Valid @RequestBody CashSessions.Opening opening) {
        return idempotency.run("sales.cash.open", key, opening, () -> {
            UUID id = sessions.open(opening.locationId(), opening.openingFloat(), opening.note(), null);
            return ResponseEntity.created(URI.create("/api/v1/cash-sessions/" + id)).body(queries.detail(id));
        });
    }

    @GetMapping("/{id}")
    @RequiresPermission("sales.read")
    @Operation(summary = "A session with its movements and, once closed, its count")
    Detail get(@PathVariable UUID id) {
        return queries.detail(id);
    }

    @PostMapping("/{id}/movements")
    @RequiresPermission("sales.create")
    @Operation(summary = "Put cash in or take it out of an open session's drawer, with a reason")
    ResponseEntity<?> move(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key,
                           @Valid @RequestBody CashSessions.NewMovement movement) {
        return idempotency.run("sales.cash.move:" + id, key, movement, () -> {
            UUID created = sessions.record(id, movement, null);
            return ResponseEntity.status(HttpStatus.CREATED).body(queries.detail(id).movements().stream()
                    .filter(m -> m.id().equals(created)).findFirst().orElseThrow());
        });
    }

    @PostMapping("/{id}/close")
    @RequiresPermission("sales.create")
    @Operation(summary = "Close a session with the count of its drawer by denomination; answers its Z report",
            description = "expected = opening float + cash takings + cash in − cash out − cash refunds; "
                    + "difference = counted − expected")
    ResponseEntity<?> close(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key,
                            @Valid @RequestBody CashSessions.Closing closing) {
        return idempotency.run("sales.cash.close:" + id, key, closing, () -> {
            sessions.close(id, closing, null);
            return ResponseEntity.ok(queries.report(id));
        });
    }

    @GetMapping("/{id}/z-report")
    @RequiresPermission("sales.read")
    @Operation(summary = "The Z report of a session (of an open one, its figures so far)")
    ZReport zReport(@PathVariable UUID id) {
        return queries.report(id);
    }
}
