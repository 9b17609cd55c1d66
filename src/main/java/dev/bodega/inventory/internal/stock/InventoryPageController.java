package dev.bodega.inventory.internal.stock;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.internal.locations.Locations;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/** The stock pages: levels, kárdex, valuation, low stock, a posting, and the item page's stock panel. */
@Controller
public class InventoryPageController {

    private final StockLevels levels;
    private final LedgerQueries ledger;
    private final StockReports reports;
    private final Locations locations;

    InventoryPageController(StockLevels levels, LedgerQueries ledger, StockReports reports, Locations locations) {
        this.levels = levels;
        this.ledger = ledger;
        this.reports = reports;
        this.locations = locations;
    }

    @GetMapping("/inventory")
    @RequiresPermission("inventory.read")
    String levels(@RequestParam(required = false) String q, @RequestParam(required = false) UUID locationId,
                  @RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean lowOnly,
                  PageQuery<String> page, Model model) {
        String knownStatus = status != null && StockLevels.STATUSES.contains(status) ? status : null;
        model.addAttribute("page", levels.list(new StockLevels.Filter(locationId, null, q, knownStatus, lowOnly),
                page.cursor(), page.limit()));
        model.addAttribute("q", q);
        model.addAttribute("locationId", locationId);
        model.addAttribute("status", knownStatus);
        model.addAttribute("lowOnly", lowOnly);
        model.addAttribute("locations", locations.visible());
        model.addAttribute("statuses", new String[]{"SIN_STOCK", "BAJO", "NORMAL", "ALTO"});
        return "inventory/levels";
    }

    @GetMapping("/inventory/items/{itemId}/kardex")
    @RequiresPermission("inventory.read")
    String kardex(@PathVariable UUID itemId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) UUID locationId, @RequestParam(required = false) String movementType,
                  @RequestParam(required = false) UUID userId, PageQuery<UUID> page, Model model) {
        String type = movementType == null || movementType.isBlank() ? null : movementType;
        LedgerQueries.KardexFilter filter = new LedgerQueries.KardexFilter(from, to, locationId, type, userId);
        model.addAttribute("kardex", ledger.kardex(itemId, filter, page.cursor(), page.limit()));
        model.addAttribute("filter", filter);
        model.addAttribute("locations", locations.visible());
        model.addAttribute("movementTypes", Arrays.stream(MovementType.values()).map(MovementType::code).toList());
        model.addAttribute("users", ledger.users());
        return "inventory/kardex";
    }

    @GetMapping("/inventory/valuation")
    @RequiresPermission("inventory.read")
    String valuation(Model model) {
        model.addAttribute("valuation", reports.valuation(null));
        return "inventory/valuation";
    }

    @GetMapping("/inventory/low-stock")
    @RequiresPermission("inventory.read")
    String lowStock(@RequestParam(required = false) UUID locationId, PageQuery<String> page, Model model) {
        model.addAttribute("page", reports.lowStock(locationId, page.cursor(), page.limit()));
        model.addAttribute("locationId", locationId);
        model.addAttribute("locations", locations.visible());
        return "inventory/low-stock";
    }

    @GetMapping("/inventory/postings/{id}")
    @RequiresPermission("inventory.read")
    String posting(@PathVariable UUID id, Model model) {
        model.addAttribute("posting", ledger.posting(id));
        return "inventory/posting";
    }

    /** The stock-per-location panel other pages load with {@code hx-get} (see templates/inventory/item-stock.html). */
    @GetMapping("/inventory/items/{itemId}/stock-panel")
    @RequiresPermission("inventory.read")
    String stockPanel(@PathVariable UUID itemId, Model model) {
        model.addAttribute("stockItem", levels.item(itemId).orElseThrow(() -> new NotFoundException("Item")));
        model.addAttribute("stockLevels", levels.ofItem(itemId));
        return "inventory/item-stock :: stock";
    }
}
