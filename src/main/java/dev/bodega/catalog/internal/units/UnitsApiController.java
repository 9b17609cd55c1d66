package dev.bodega.catalog.internal.units;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The units of measure items may use. */
@RestController
@Tag(name = "Catalog")
class UnitsApiController {

    private final Units units;

    UnitsApiController(Units units) {
        this.units = units;
    }

    @GetMapping("/api/v1/units")
    @RequiresPermission("catalog.read")
    @Operation(summary = "Units of measure, with the decimals a quantity in each may have (a short fixed list: one page)")
    CursorPage<Units.Unit> list() {
        return new CursorPage<>(units.all(), null);
    }
}
