package dev.bodega.sales.internal.selling;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.FormNumbers;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.sales.internal.SalesPageModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The till (/pos), the sales list and detail with cancel and return, and the 80 mm receipt. */
@Controller
public class SalesPageController {

    private final Sales sales;
    private final SaleQueries queries;
    private final Returns returns;
    private final Tills tills;
    private final ProblemMessages problems;

    SalesPageController(Sales sales, SaleQueries queries, Returns returns, Tills tills, ProblemMessages problems) {
        this.sales = sales;
        this.queries = queries;
        this.returns = returns;
        this.tills = tills;
        this.problems = problems;
    }

    /** The till: the cart lives in the page; it prices and sells through the sales API. */
    @GetMapping("/pos")
    @RequiresPermission("sales.create")
    String pos(Model model) {
        model.addAttribute("places", tills.places());
        return "sales/pos";
    }

    @GetMapping("/sales")
    @RequiresPermission("sales.read")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String status, @RequestParam(required = false) UUID location,
                PageQuery<UUID> page, Model model) {
        String wanted = status == null || status.isBlank() ? null : status;
        model.addAttribute("page", queries.list(new SaleQueries.Filter(from, to, wanted, location, null, null),
                page.cursor(), page.limit()));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("status", wanted);
        model.addAttribute("location", location);
        model.addAttribute("places", tills.places());
        return "sales/sales";
    }

    @GetMapping("/sales/{id}")
    @RequiresPermission("sales.read")
    String detail(@PathVariable UUID id, Model model) {
        SaleViews.SaleView sale = queries.get(id);
        model.addAttribute("sale", sale);
        model.addAttribute("returns", returns.list(id, null, CursorPage.MAX_LIMIT).items());
        model.addAttribute("places", tills.places());
        return "sales/sale";
    }

    @GetMapping("/sales/{id}/receipt")
    @RequiresPermission("sales.read")
    String receipt(@PathVariable UUID id, Model model) {
        model.addAttribute("sale", queries.get(id));
        return "sales/receipt";
    }

    @PostMapping("/sales/{id}/cancel")
    @RequiresPermission("sales.cancel")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("error", "sales.cancel.reasonRequired");
            return "redirect:/sales/" + id;
        }
        try {
            sales.cancel(id, new Sales.Cancellation(reason.trim()));
            redirect.addFlashAttribute("message", "sales.cancelled");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, SalesPageModel.AREA));
        }
        return "redirect:/sales/" + id;
    }

    /**
     * A return from the detail page: one quantity field per line ({@code qty-<lineId>}), one "damaged"
     * box per line ({@code damaged-<lineId>}); the refund is the value of the goods.
     */
    @PostMapping("/sales/{id}/returns")
    @RequiresPermission("sales.return")
    String createReturn(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        List<Returns.ReturnLineRequest> lines = new ArrayList<>();
        for (SaleViews.LineView line : queries.get(id).lines()) {
            BigDecimal quantity = FormNumbers.decimal(form.get("qty-" + line.id()));
            if (quantity != null && quantity.signum() > 0) {
                lines.add(new Returns.ReturnLineRequest(line.id(), quantity, form.containsKey("damaged-" + line.id())));
            }
        }
        String reason = form.getOrDefault("reason", "").trim();
        if (lines.isEmpty() || reason.isEmpty()) {
            redirect.addFlashAttribute("error", lines.isEmpty() ? "sales.return.noLines" : "sales.return.reasonRequired");
            return "redirect:/sales/" + id;
        }
        UUID location = form.get("locationId") == null || form.get("locationId").isBlank() ? null
                : UUID.fromString(form.get("locationId"));
        try {
            returns.create(id, new Returns.NewReturn(location, reason, form.getOrDefault("refundMethod", "cash"), null, lines));
            redirect.addFlashAttribute("message", "sales.return.recorded");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, SalesPageModel.AREA));
        }
        return "redirect:/sales/" + id;
    }
}
