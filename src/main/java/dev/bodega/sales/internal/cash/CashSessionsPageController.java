package dev.bodega.sales.internal.cash;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.FormNumbers;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.sales.internal.SalesPageModel;
import dev.bodega.sales.internal.cash.CashViews.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The cash pages: sessions (and opening one), a session with its movements and closing count, its Z report. */
@Controller
public class CashSessionsPageController {

    private final CashSessions sessions;
    private final CashQueries queries;
    private final ProblemMessages problems;

    CashSessionsPageController(CashSessions sessions, CashQueries queries, ProblemMessages problems) {
        this.sessions = sessions;
        this.queries = queries;
        this.problems = problems;
    }

    @GetMapping("/cash-sessions")
    @RequiresPermission("sales.read")
    String list(PageQuery<UUID> page, Model model) {
        CursorPage<Session> found = queries.list(null, null, page.cursor(), page.limit());
        model.addAttribute("page", found);
        model.addAttribute("places", queries.places());
        return "sales/cash-sessions";
    }

    @PostMapping("/cash-sessions")
    @RequiresPermission("sales.create")
    String open(@RequestParam(required = false) UUID locationId, @RequestParam(required = false) String openingFloat,
                @RequestParam(required = false) String note, RedirectAttributes redirect) {
        BigDecimal amount = FormNumbers.decimal(openingFloat);
        if (locationId == null || amount == null) {
            redirect.addFlashAttribute("error", "cash.open.required");
            return "redirect:/cash-sessions";
        }
        try {
            return "redirect:/cash-sessions/" + sessions.open(locationId, amount, note, null);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, SalesPageModel.AREA));
            return "redirect:/cash-sessions";
        }
    }

    /** The till's line about its store's session (the first store when none is named). */
    @GetMapping("/cash-sessions/banner")
    @RequiresPermission("sales.create")
    String banner(@RequestParam(required = false) String location, Model model) {
        List<CashQueries.Place> places = queries.places();
        Optional<CashQueries.Place> place = places.stream()
                .filter(p -> p.id().toString().equals(location)).findFirst()
                .or(() -> places.stream().findFirst());
        model.addAttribute("place", place.orElse(null));
        model.addAttribute("cashSession", place.flatMap(p -> queries.openAt(p.id())).orElse(null));
        return "sales/cash-banner :: banner";
    }

    @GetMapping("/cash-sessions/{id}")
    @RequiresPermission("sales.read")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("report", queries.report(id));
        model.addAttribute("denominations", Denominations.of(queries.session(id).currency()));
        return "sales/cash-session";
    }

    @PostMapping("/cash-sessions/{id}/movements")
    @RequiresPermission("sales.create")
    String move(@PathVariable UUID id, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String amount, @RequestParam(required = false) String reason,
                RedirectAttributes redirect) {
        BigDecimal value = FormNumbers.decimal(amount);
        if (value == null || reason == null || reason.isBlank() || !("in".equals(kind) || "out".equals(kind))) {
            redirect.addFlashAttribute("error", "cash.move.required");
            return "redirect:/cash-sessions/" + id;
        }
        try {
            sessions.record(id, new CashSessions.NewMovement(kind, value, reason.trim()), null);
            redirect.addFlashAttribute("message", "cash.move.recorded");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, SalesPageModel.AREA));
        }
        return "redirect:/cash-sessions/" + id;
    }

    /** The closing form: one quantity per denomination ({@code count-<value>}); blank is none. */
    @PostMapping("/cash-sessions/{id}/close")
    @RequiresPermission("sales.create")
    String close(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        List<CashSessions.CountInput> counts = new ArrayList<>();
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (field.getKey().startsWith("count-") && !field.getValue().isBlank()) {
                BigDecimal quantity = FormNumbers.decimal(field.getValue());
                BigDecimal denomination = FormNumbers.decimal(field.getKey().substring("count-".length()));
                if (quantity == null || denomination == null || quantity.stripTrailingZeros().scale() > 0) {
                    redirect.addFlashAttribute("error", "problem.cash-count");
                    return "redirect:/cash-sessions/" + id;
                }
                counts.add(new CashSessions.CountInput(denomination, quantity.intValueExact()));
            }
        }
        try {
            sessions.close(id, new CashSessions.Closing(counts, form.get("note")), null);
        } catch (ErrorResponseException | ArithmeticException e) {
            redirect.addFlashAttribute("error", e instanceof ErrorResponseException p
                    ? problems.refusal(p, SalesPageModel.AREA) : "problem.cash-count");
            return "redirect:/cash-sessions/" + id;
        }
        return "redirect:/cash-sessions/" + id + "/z-report";
    }

    @GetMapping("/cash-sessions/{id}/z-report")
    @RequiresPermission("sales.read")
    String zReport(@PathVariable UUID id, Model model) {
        model.addAttribute("report", queries.report(id));
        return "sales/z-report";
    }
}
