package dev.bodega.sales.internal.selling;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Returns, as recorded by {@code POST /api/v1/sales/{id}/returns}. */
@RestController
@RequestMapping("/api/v1/returns")
@Tag(name = "Returns")
class ReturnsApiController {

    private final Returns returns;

    ReturnsApiController(Returns returns) {
        this.returns = returns;
    }

    @GetMapping
    @RequiresPermission("sales.read")
    @Operation(summary = "List returns, newest first, optionally of one sale")
    CursorPage<Returns.ReturnView> list(@RequestParam(required = false) UUID saleId,
                                        PageQuery<UUID> page) {
        return returns.list(saleId, page.cursor(), page.limit());
    }

    @GetMapping("/{id}")
    @RequiresPermission("sales.read")
    Returns.ReturnView get(@PathVariable UUID id) {
        return returns.get(id);
    }
}
