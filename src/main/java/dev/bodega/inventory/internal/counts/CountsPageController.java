package dev.bodega.inventory.internal.counts;

import dev.bodega.inventory.StockCounts;
import dev.bodega.inventory.MovementApprovals;
import dev.bodega.inventory.internal.StockOpsPages;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.FormNumbers;
import dev.bodega.platform.Formats;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * Count pages: the list, a new count, the blind scanning page (a phone with a scanner: code, Enter, quantity,
 * Enter), and one count with its review (differences, recount, close) for who may close counts.
 */
@Controller
class CountsPageController {

    /** A message to show: a bundle key and its arguments (kept in the session across a redirect). */
    record Note(String key, String[] args) implements Serializable {
        static Note of(String key, Object... args) {
            return new Note(key, java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
        }
    }

    private final Counts counts;
    private final CountEntries entries;
    private final CountFlow flow;
    private final CountChoices choices;
    private final StockOpsPages pages;
    private final ProblemMessages problems;

    CountsPageController(Counts counts, CountEntries entries, CountFlow flow, CountChoices choices,
                         StockOpsPages pages, ProblemMessages problems) {
        this.counts = counts;
        this.entries = entries;
        this.flow = flow;
        this.choices = choices;
        this.pages = pages;
        this.problems = problems;
    }

    @GetMapping("/inventory/counts")
    @RequiresPermission("inventory.read")
    String list(@RequestParam(required = false) String status, PageQuery<UUID> paging, Model model) {
        String filter = CountStatus.CODES.contains(status) ? status : null;
        CursorPage<Counts.View> page = counts.list(filter, null, paging.cursor(), paging.limit(),
                CountsApiController.reveal());
        model.addAttribute("counts", page.items());
        model.addAttribute("status", filter);
        model.addAttribute("statuses", CountStatus.CODES);
        model.addAttribute("nextCursor", page.nextCursor());
        return "inventory/counts/list";
    }

    @GetMapping("/inventory/counts/new")
    @RequiresPermission("inventory.count")
    String form(Model model) {
        return formPage(model, new LinkedHashMap<>(), Map.of("scope", "full", "tolerance", "0"), null);
    }

    @PostMapping("/inventory/counts")
    @RequiresPermission("inventory.count")
    String create(@RequestParam Map<String, String> form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID location = uuid(form.get("locationId"));
        String scope = form.getOrDefault("scope", "");
        UUID category = uuid(form.get("categoryId"));
        BigDecimal tolerance = FormNumbers.decimal(form.getOrDefault("tolerance", "0"));
        if (location == null) {
            errors.put("location", "counts.locationRequired");
        }
        if (!Counts.SCOPES.contains(scope)) {
            errors.put("scope", "counts.scopeRequired");
        } else if (scope.equals("category") && category == null) {
            errors.put("category", "counts.categoryRequired");
        } else if (scope.equals("bins") && (blankToNull(form.get("binFrom")) == null || blankToNull(form.get("binTo")) == null
                || form.get("binFrom").length() > 40 || form.get("binTo").length() > 40)) {
            errors.put("bins", "counts.binsRequired");
        }
        if (tolerance == null || tolerance.signum() < 0 || tolerance.compareTo(new BigDecimal("100000000000")) >= 0) {
            errors.put("tolerance", "counts.toleranceInvalid");
        }
        if (form.getOrDefault("note", "").length() > 500) {
            errors.put("note", "counts.noteTooLong");
        }
        if (!errors.isEmpty()) {
            return formPage(model, errors, form, null);
        }
        try {
            UUID id = counts.open(new StockCounts.NewCount(location, scope, category, form.get("binFrom"),
                    form.get("binTo"), tolerance, form.get("note")));
            return "redirect:/inventory/counts/" + id + "/scan";
        } catch (ErrorResponseException e) {
            return formPage(model, errors, form, Note.of(problems.refusal(e, "counts")));
        }
    }

    @GetMapping("/inventory/counts/{id}")
    @RequiresPermission("inventory.read")
    String detail(@PathVariable UUID id, Model model) {
        boolean reveal = CountsApiController.reveal();
        model.addAttribute("count", counts.get(id, reveal));
        model.addAttribute("lines", counts.lines(id, reveal));
        model.addAttribute("reveal", reveal);
        return "inventory/counts/count";
    }

    @GetMapping("/inventory/counts/{id}/scan")
    @RequiresPermission("inventory.count")
    String scan(@PathVariable UUID id, Model model) {
        Counts.View count = counts.get(id, false);
        if (!count.counting()) {
            return "redirect:/inventory/counts/" + id;
        }
        model.addAttribute("count", count);
        model.addAttribute("counted", counts.lines(id, false).stream().filter(Counts.LineView::counted)
                .sorted(java.util.Comparator.comparing(Counts.LineView::countedAt).reversed()).toList());
        return "inventory/counts/scan";
    }

    @PostMapping("/inventory/counts/{id}/entries")
    @RequiresPermission("inventory.count")
    String entry(@PathVariable UUID id, @RequestParam(required = false) String code,
                 @RequestParam(required = false) String quantity, @RequestParam(required = false) String loose,
                 @RequestParam(required = false) String replace, RedirectAttributes redirect) {
        BigDecimal found = FormNumbers.decimal(quantity);
        BigDecimal looseFound = loose == null || loose.isBlank() ? BigDecimal.ZERO : FormNumbers.decimal(loose);
        if (blankToNull(code) == null || code.length() > 100) {
            redirect.addFlashAttribute("problem", Note.of("counts.scan.codeRequired"));
        } else if (found == null || found.signum() < 0 || looseFound == null || looseFound.signum() < 0) {
            redirect.addFlashAttribute("problem", Note.of("counts.scan.quantityInvalid"));
        } else {
            try {
                CountEntries.Counted line = entries.record(id, new CountEntries.Entry(null, code, found, looseFound,
                        replace != null));
                redirect.addFlashAttribute("message", Note.of("counts.scan.counted", line.sku(), line.name(),
                        Formats.of(LocaleContextHolder.getLocale(), pages.zone()).qty(line.countedQuantity())));
            } catch (ErrorResponseException e) {
                redirect.addFlashAttribute("problem", Note.of(problems.refusal(e, "counts")));
            }
        }
        return "redirect:/inventory/counts/" + id + "/scan";
    }

    @PostMapping("/inventory/counts/{id}/submit")
    @RequiresPermission("inventory.count")
    String submit(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            flow.submit(id);
            return Note.of("counts.submitted");
        });
    }

    @PostMapping("/inventory/counts/{id}/recount")
    @RequiresPermission(CountsApiController.REVIEW)
    String recount(@PathVariable UUID id, @RequestParam(name = "itemId", required = false) List<UUID> itemIds,
                   @RequestParam(required = false) String over, RedirectAttributes redirect) {
        List<UUID> chosen = over != null || itemIds == null ? List.of() : itemIds;
        if (over == null && chosen.isEmpty()) {
            redirect.addFlashAttribute("problem", Note.of("problem.count-nothing-to-recount"));
            return "redirect:/inventory/counts/" + id;
        }
        return act(id, redirect, () -> Note.of("counts.recounted", flow.recount(id, chosen)));
    }

    @PostMapping("/inventory/counts/{id}/close")
    @RequiresPermission(CountsApiController.REVIEW)
    String close(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            MovementApprovals.Outcome outcome = flow.close(id);
            if (outcome.waiting()) {
                return Note.of("counts.closePending");
            }
            return Note.of(outcome.posted() == null ? "counts.closedNoDifferences" : "counts.closed");
        });
    }

    @PostMapping("/inventory/counts/{id}/cancel")
    @RequiresPermission(CountsApiController.REVIEW)
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            flow.cancel(id);
            return Note.of("counts.cancelled");
        });
    }

    private String act(UUID id, RedirectAttributes redirect, java.util.function.Supplier<Note> action) {
        try {
            redirect.addFlashAttribute("message", action.get());
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", Note.of(problems.refusal(e, "counts")));
        }
        return "redirect:/inventory/counts/" + id;
    }

    private String formPage(Model model, Map<String, String> errors, Map<String, String> form, Note problem) {
        model.addAttribute("locations", choices.locations());
        model.addAttribute("categories", choices.categories());
        model.addAttribute("scopes", Counts.SCOPES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return "inventory/counts/new";
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
