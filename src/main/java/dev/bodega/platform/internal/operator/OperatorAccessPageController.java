package dev.bodega.platform.internal.operator;

import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Text;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;

/**
 * The admin's page that lets the operators in: read-only, for a number of hours, revocable at once. Each grant,
 * revocation and every operator request under a grant is in the company's audit log.
 */
@Controller
class OperatorAccessPageController {

    private final AccessGrants grants;
    private final ProblemMessages problems;

    OperatorAccessPageController(AccessGrants grants, ProblemMessages problems) {
        this.grants = grants;
        this.problems = problems;
    }

    @GetMapping("/settings/operator-access")
    @RequiresPermission("settings.write")
    String page(Model model) {
        return show(model);
    }

    @PostMapping("/settings/operator-access")
    @RequiresPermission("settings.write")
    String grant(@RequestParam(defaultValue = "0") int hours, @RequestParam(defaultValue = "") String reason,
                 Model model) {
        try {
            grants.grant(hours, Text.blankToNull(reason));
        } catch (ErrorResponseException e) {
            model.addAttribute("error", problems.refusal(e, "operatorAccess"));
            return show(model);
        }
        return "redirect:/settings/operator-access?granted";
    }

    @PostMapping("/settings/operator-access/revoke")
    @RequiresPermission("settings.write")
    String revoke() {
        grants.revokeAll();
        return "redirect:/settings/operator-access?revoked";
    }

    private String show(Model model) {
        model.addAttribute("grants", grants.list());
        model.addAttribute("now", Instant.now());
        model.addAttribute("maxHours", AccessGrants.MAX_HOURS);
        return "platform/operator-access";
    }
}
