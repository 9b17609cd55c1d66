package dev.bodega.sales.internal.selling;

import dev.bodega.platform.Actor;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.FormNumbers;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.Problems;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.sales.internal.SalesPageModel;
import dev.bodega.sales.internal.SalesProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The till (/pos), the sales list and detail with void (or its request) and return, and the 80 mm receipt. */
@Controller
public class SalesPageController {

    private final Sales sales;
    private final SaleQueries queries;
    private final Returns returns;
    private final Tills tills;
    private final ProblemMessages problems;
    private final ItemLookup lookup;
    private final VoidRequests voids;
    private final MessageSource messages;

    /** Besides the sales problems, what the till may hear from the stock ledger and the platform. */
    private static final List<String> TILL_PROBLEMS = List.of("insufficient-stock", "location-not-allowed",
            "validation", "forbidden", "not-found", "stale-version", "if-match-required", "idempotency-key-reused",
            "malformed-body", "internal");

    SalesPageController(Sales sales, SaleQueries queries, Returns returns, Tills tills, ProblemMessages problems,
                        ItemLookup lookup, VoidRequests voids, MessageSource messages) {
        this.lookup = lookup;
        this.voids = voids;
        this.messages = messages;
        this.sales = sales;
        this.queries = queries;
        this.returns = returns;
        this.tills = tills;
        this.problems = problems;
    }

    /**
     * The till: the cart lives in the page; it prices and sells through the sales API. {@code resume} opens a
     * parked sale in it. The page words every problem the API may answer in the user's language
     * ({@code pos.problem.<slug>}, else {@code problem.<slug>}), and fills in the names the problem carries.
     */
    @GetMapping("/pos")
    @RequiresPermission("sales.create")
    String pos(@RequestParam(required = false) UUID resume, Model model) {
        model.addAttribute("places", tills.places());
        model.addAttribute("categories", lookup.categories());
        model.addAttribute("vehicleModels", lookup.vehicleModels());
        model.addAttribute("resume", resume);
        model.addAttribute("problemTexts", problemTexts());
        return "sales/pos";
    }

    /** A sale by the number on its receipt (scanned or typed at the till), to return goods or void it. */
    @GetMapping("/pos/sale")
    @RequiresPermission("sales.read")
    String saleByNumber(@RequestParam(required = false) String number, RedirectAttributes redirect) {
        return queries.byInvoice(number).map(id -> "redirect:/sales/" + id + "#sale-return").orElseGet(() -> {
            redirect.addFlashAttribute("error", "pos.saleNotFound");
            redirect.addFlashAttribute("number", number);
            return "redirect:/pos";
        });
    }

    private Map<String, String> problemTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> slugs = new ArrayList<>(TILL_PROBLEMS);
        Arrays.stream(SalesProblem.values()).map(SalesProblem::slug).forEach(slugs::add);
        for (String slug : slugs) {
            ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
            problem.setType(URI.create(Problems.TYPE_BASE + slug));
            texts.put(slug, messages.getMessage(problems.key(problem, "pos"), null, LocaleContextHolder.getLocale()));
        }
        texts.put("other", messages.getMessage(ProblemMessages.OTHER, null, LocaleContextHolder.getLocale()));
        return texts;
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
        model.addAttribute("voidRequests", Actor.require().can("sales.void") ? voids.pending() : List.of());
        return "sales/sales";
    }

    @GetMapping("/sales/{id}")
    @RequiresPermission("sales.read")
    String detail(@PathVariable UUID id, Model model) {
        SaleViews.SaleView sale = queries.get(id);
        model.addAttribute("sale", sale);
        model.addAttribute("returns", returns.list(id, null, CursorPage.MAX_LIMIT).items());
        model.addAttribute("places", tills.places());
        model.addAttribute("voidRequest", voids.open(id).orElse(null));
        return "sales/sale";
    }

    @GetMapping("/sales/{id}/receipt")
    @RequiresPermission("sales.read")
    String receipt(@PathVariable UUID id, Model model) {
        model.addAttribute("sale", queries.get(id));
        return "sales/receipt";
    }

    @PostMapping("/sales/{id}/cancel")
    @RequiresPermission("sales.void")
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

    /** A seller who may not void asks a manager to, with a reason. */
    @PostMapping("/sales/{id}/void-request")
    @RequiresPermission("sales.create")
    String requestVoid(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("error", "sales.cancel.reasonRequired");
            return "redirect:/sales/" + id;
        }
        try {
            voids.request(id, new VoidRequests.NewRequest(reason.trim()));
            redirect.addFlashAttribute("message", "sales.void.requested");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, SalesPageModel.AREA));
        }
        return "redirect:/sales/" + id;
    }

    /** A manager's decision on a void request: {@code approve} voids the sale, {@code reject} leaves it. */
    @PostMapping("/sales/void-requests/{requestId}/{decision:approve|reject}")
    @RequiresPermission("sales.void")
    String decideVoid(@PathVariable UUID requestId, @PathVariable String decision, @RequestParam UUID saleId,
                      RedirectAttributes redirect) {
        try {
            if (decision.equals("approve")) {
                voids.approve(requestId);
                redirect.addFlashAttribute("message", "sales.cancelled");
            } else {
                voids.reject(requestId);
                redirect.addFlashAttribute("message", "sales.void.rejected");
            }
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, SalesPageModel.AREA));
        }
        return "redirect:/sales/" + saleId;
    }
}
