package dev.bodega.inventory.internal.approvals;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.inventory.internal.StockOpsMessages;
import dev.bodega.inventory.internal.StockOpsPages;
import dev.bodega.inventory.internal.locations.Locations;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.FormNumbers;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
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
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The approvals inbox (every posting that waits), one waiting posting, and the rules that make postings wait. */
@Controller
class ApprovalsPageController {

    static final int DECIDED_SHOWN = 50;

    /** A message to show: a bundle key and its arguments (kept in the session across a redirect). */
    record Problem(String key, String[] args) implements Serializable {
    }

    record Row(MovementApprovalsService.View approval, String requestedAt, String decidedAt, String link) {
    }

    private final MovementApprovalsService approvals;
    private final ApprovalRules rules;
    private final Locations locations;
    private final StockOpsPages pages;
    private final ProblemMessages problems;

    ApprovalsPageController(MovementApprovalsService approvals, ApprovalRules rules, Locations locations,
                            StockOpsPages pages, ProblemMessages problems) {
        this.approvals = approvals;
        this.rules = rules;
        this.locations = locations;
        this.pages = pages;
        this.problems = problems;
    }

    @GetMapping("/inventory/approvals")
    @RequiresPermission("inventory.approve")
    String inbox(Model model) {
        ZoneId zone = pages.zone();
        model.addAttribute("pending", approvals.list(List.of("pending"), null, CursorPage.MAX_LIMIT).items().stream()
                .map(a -> row(a, zone)).toList());
        model.addAttribute("decided", approvals.list(List.of("approved", "rejected"), null, DECIDED_SHOWN).items()
                .stream().map(a -> row(a, zone)).toList());
        return "inventory/stockops/approvals";
    }

    @GetMapping("/inventory/approvals/{id}")
    @RequiresPermission("inventory.read")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("row", row(approvals.detail(id), pages.zone()));
        return "inventory/stockops/approval";
    }

    @PostMapping("/inventory/approvals/{id}/approve")
    @RequiresPermission("inventory.approve")
    String approve(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            MovementApprovalsService.View approved = approvals.approve(id, limit(note));
            redirect.addFlashAttribute("message", "stockops.approvals.approved");
            redirect.addFlashAttribute("warnings", approved.posting().warnings());
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", refusal(e, id));
        }
        return "redirect:/inventory/approvals";
    }

    @PostMapping("/inventory/approvals/{id}/reject")
    @RequiresPermission("inventory.approve")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            approvals.reject(id, limit(reason));
            redirect.addFlashAttribute("message", "stockops.approvals.rejected");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", problem(e));
        }
        return "redirect:/inventory/approvals";
    }

    @GetMapping("/inventory/approval-rules")
    @RequiresPermission("inventory.read")
    String rules(Model model) {
        model.addAttribute("rules", rules.all());
        model.addAttribute("movementTypes", Arrays.stream(MovementType.values()).map(MovementType::code).toList());
        model.addAttribute("locations", locations.all());
        return "inventory/stockops/approval-rules";
    }

    @PostMapping("/inventory/approval-rules")
    @RequiresPermission("inventory.approval_rules")
    String addRule(@RequestParam(required = false) String movementType, @RequestParam(required = false) String minValue,
                   @RequestParam(required = false) UUID locationId, RedirectAttributes redirect) {
        BigDecimal value = minValue == null || minValue.isBlank() ? null : FormNumbers.decimal(minValue);
        if (minValue != null && !minValue.isBlank() && value == null) {
            redirect.addFlashAttribute("problem", new Problem("stockops.rules.valueInvalid", new String[0]));
            return "redirect:/inventory/approval-rules";
        }
        try {
            rules.create(new ApprovalRules.RuleRequest(ApprovalsApiController.movementType(movementType), value,
                    locationId));
            redirect.addFlashAttribute("message", "stockops.rules.added");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", problem(e));
        }
        return "redirect:/inventory/approval-rules";
    }

    @PostMapping("/inventory/approval-rules/{id}/delete")
    @RequiresPermission("inventory.approval_rules")
    String deleteRule(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            rules.delete(id, version);
            redirect.addFlashAttribute("message", "stockops.rules.removed");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", problem(e));
        }
        return "redirect:/inventory/approval-rules";
    }

    /** Why an approval could not post; for missing stock, which item and how much there is. */
    private Problem refusal(ErrorResponseException e, UUID id) {
        Map<String, Object> properties = e.getBody().getProperties();
        if (!InventoryProblem.INSUFFICIENT_STOCK.is(e) || properties == null || properties.get("itemId") == null) {
            return problem(e);
        }
        String item = String.valueOf(properties.get("itemId"));
        String sku = approvals.detail(id).lines().stream().filter(l -> l.itemId().toString().equals(item))
                .map(MovementApprovalsService.LineView::sku).findFirst().orElse("?");
        return new Problem(problems.refusal(e, StockOpsPages.AREA), new String[]{sku,
                StockOpsMessages.quantity(new BigDecimal(String.valueOf(properties.get("onHand")))),
                StockOpsMessages.quantity(new BigDecimal(String.valueOf(properties.get("requested"))))});
    }

    private Problem problem(ErrorResponseException e) {
        return new Problem(problems.refusal(e, StockOpsPages.AREA), new String[0]);
    }

    private static String limit(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    /** An adjustment is shown on its own page; any other waiting posting on the approval's. */
    private static Row row(MovementApprovalsService.View a, ZoneId zone) {
        String link = "adjustment".equals(a.documentType()) ? "/inventory/adjustments/" + a.documentId()
                : "/inventory/approvals/" + a.id();
        return new Row(a, StockOpsPages.when(a.requestedAt(), zone), StockOpsPages.when(a.decidedAt(), zone), link);
    }
}
