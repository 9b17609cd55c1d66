package dev.bodega.sales.internal.orders;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.FormNumbers;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.sales.internal.SalesPageModel;
import dev.bodega.sales.internal.orders.OrderViews.OrderSummary;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** The staff's orders inbox: filtered by state and organization; one order with its decisions and shipments. */
@Controller
class StaffOrdersPageController {

    private final OrderQueries queries;
    private final CustomerOrders orders;
    private final OrderShipping shipping;
    private final ProblemMessages problems;

    StaffOrdersPageController(OrderQueries queries, CustomerOrders orders, OrderShipping shipping,
                              ProblemMessages problems) {
        this.queries = queries;
        this.orders = orders;
        this.shipping = shipping;
        this.problems = problems;
    }

    @GetMapping("/sales/customer-orders")
    @RequiresPermission("orders.read")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) UUID organizationId,
                PageQuery<UUID> page, Model model) {
        String state = OrderStatus.parse(status).map(OrderStatus::code).orElse(null);
        model.addAttribute("page", CursorPage.of(queries.list(state, organizationId, page.cursor(), page.limit() + 1),
                page.limit(), OrderSummary::id));
        model.addAttribute("status", state);
        model.addAttribute("organizationId", organizationId);
        model.addAttribute("statuses", Arrays.stream(OrderStatus.values()).map(OrderStatus::code).toList());
        model.addAttribute("partners", queries.partners());
        return "sales/customer-orders";
    }

    @GetMapping("/sales/customer-orders/{id}")
    @RequiresPermission("orders.read")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("order", queries.get(id));
        model.addAttribute("locations", queries.companyLocations());
        return "sales/customer-order";
    }

    @PostMapping("/sales/customer-orders/{id}/approve")
    @RequiresPermission("orders.approve")
    String approve(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false)
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedDelivery, RedirectAttributes redirect) {
        return act(id, redirect, () -> orders.approve(id, version, new CustomerOrders.Approval(expectedDelivery)));
    }

    @PostMapping("/sales/customer-orders/{id}/reject")
    @RequiresPermission("orders.approve")
    String reject(@PathVariable UUID id, @RequestParam long version, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        if (reason.isBlank()) {
            redirect.addFlashAttribute("error", "orders.reject.reasonRequired");
            return "redirect:/sales/customer-orders/" + id;
        }
        return act(id, redirect, () -> orders.reject(id, version, new CustomerOrders.Rejection(reason.trim())));
    }

    /** {@code line} and {@code quantity} come in pairs, one per order line, in the page's order. */
    @PostMapping("/sales/customer-orders/{id}/ship")
    @RequiresPermission("orders.ship")
    String ship(@PathVariable UUID id, @RequestParam long version, @RequestParam UUID fromLocationId,
                @RequestParam List<UUID> line, @RequestParam List<String> quantity, RedirectAttributes redirect) {
        List<OrderShipping.ShipLine> lines = new ArrayList<>();
        for (int i = 0; i < line.size() && i < quantity.size(); i++) {
            BigDecimal value = quantity.get(i).isBlank() ? BigDecimal.ZERO : FormNumbers.decimal(quantity.get(i));
            if (value == null || value.signum() < 0) {
                redirect.addFlashAttribute("error", "orders.quantity.invalid");
                return "redirect:/sales/customer-orders/" + id;
            }
            lines.add(new OrderShipping.ShipLine(line.get(i), value));
        }
        if (lines.stream().allMatch(l -> l.quantity().signum() == 0)) {
            redirect.addFlashAttribute("error", "problem.shipment-empty");
            return "redirect:/sales/customer-orders/" + id;
        }
        try {
            boolean waits = shipping.ship(id, version, new OrderShipping.ShipmentRequest(fromLocationId, lines))
                    .waiting();
            redirect.addFlashAttribute(waits ? "shipmentPending" : "saved", true);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, SalesPageModel.AREA));
        }
        return "redirect:/sales/customer-orders/" + id;
    }

    @PostMapping("/sales/customer-orders/{id}/deliver")
    @RequiresPermission("orders.ship")
    String deliver(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, () -> orders.deliver(id, version));
    }

    private String act(UUID id, RedirectAttributes redirect, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("saved", true);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, SalesPageModel.AREA));
        }
        return "redirect:/sales/customer-orders/" + id;
    }
}
