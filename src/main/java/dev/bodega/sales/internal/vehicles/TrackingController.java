package dev.bodega.sales.internal.vehicles;

import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PublicEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The customer's tracking page of a vehicle order. Public, and on a page of its own (no menu, no links into
 * Bodega): whoever holds the link sees this one order's progress. An unknown token is a 404 like any other.
 */
@Controller
@PublicEndpoint
class TrackingController {

    private final VehicleTracking tracking;

    TrackingController(VehicleTracking tracking) {
        this.tracking = tracking;
    }

    @GetMapping("/track/{token}")
    String track(@PathVariable String token, Model model) {
        model.addAttribute("order", tracking.find(token).orElseThrow(() -> new NotFoundException("Vehicle order")));
        return "sales/tracking";
    }
}
