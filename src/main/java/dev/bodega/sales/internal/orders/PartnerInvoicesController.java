package dev.bodega.sales.internal.orders;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.UUID;

/** "My invoices" in the portal, as pages and as the API ({@code /api/v1/portal/invoices}): read-only. */
@Controller
@Tag(name = "Portal: my invoices")
class PartnerInvoicesController {

    private final PartnerInvoices invoices;

    PartnerInvoicesController(PartnerInvoices invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/portal/invoices")
    @RequiresPermission("portal.read")
    String list(PageQuery<UUID> page, Model model) {
        model.addAttribute("page", page(page));
        return "sales/portal-invoices";
    }

    @GetMapping("/portal/invoices/{id}")
    @RequiresPermission("portal.read")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("invoice", invoices.get(id));
        return "sales/portal-invoice";
    }

    @GetMapping("/api/v1/portal/invoices")
    @RequiresPermission("portal.read")
    @ResponseBody
    @Operation(summary = "My organization's invoices (its shipments' sales), newest first")
    CursorPage<PartnerInvoices.InvoiceSummary> apiList(PageQuery<UUID> page) {
        return page(page);
    }

    @GetMapping("/api/v1/portal/invoices/{id}")
    @RequiresPermission("portal.read")
    @ResponseBody
    @Operation(summary = "One invoice with its lines; another organization's is 404")
    PartnerInvoices.Invoice apiGet(@PathVariable UUID id) {
        return invoices.get(id);
    }

    private CursorPage<PartnerInvoices.InvoiceSummary> page(PageQuery<UUID> page) {
        return CursorPage.of(invoices.list(page.cursor(), page.limit() + 1), page.limit(),
                PartnerInvoices.InvoiceSummary::id);
    }
}
