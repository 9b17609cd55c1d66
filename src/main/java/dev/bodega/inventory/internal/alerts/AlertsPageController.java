package dev.bodega.inventory.internal.alerts;

import dev.bodega.platform.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The signed-in user's alert subscriptions, one switch per alert type. */
@Controller
@SignedIn
class AlertsPageController {

    private final AlertSubscriptions alerts;

    AlertsPageController(AlertSubscriptions alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    String page(Model model) {
        model.addAttribute("subscriptions", alerts.of(AlertSubscriptions.me()));
        return "inventory/stockops/alerts";
    }

    /** The form sends the types that are switched on; every other type is switched off. */
    @PostMapping("/alerts")
    String save(@RequestParam(name = "alertType", required = false) List<String> on) {
        List<String> active = on == null ? List.of() : on;
        alerts.update(AlertSubscriptions.me(), AlertSubscriptions.ALERT_TYPES.stream()
                .map(type -> new AlertSubscriptions.Subscription(type, active.contains(type))).toList());
        return "redirect:/alerts?saved";
    }
}
