package dev.bodega.sales.internal.orders;

import dev.bodega.platform.Actor;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.FormNumbers;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.sales.internal.SalesPageModel;
import dev.bodega.sales.internal.orders.OrderViews.OrderSummary;
import dev.bodega.sales.internal.orders.OrderViews.OrderView;
import dev.bodega.sales.internal.orders.OrderViews.Place;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The portal's "my orders": the organization's orders, a new draft, a draft filled line by line and sent. */
@Controller
class PortalOrdersPageController {

    private final OrderQueries queries;
    private final PortalOrders orders;
    private final ProblemMessages problems;

    PortalOrdersPageController(OrderQueries queries, PortalOrders orders, ProblemMessages problems) {
        this.queries = queries;
        this.orders = orders;
        this.problems = problems;
    }

    @GetMapping("/portal/orders")
    @RequiresPermission("portal.orders")
    String list(PageQuery<UUID> page, Model model) {
        model.addAttribute("page", CursorPage.of(queries.list(null, null, page.cursor(), page.limit() + 1),
                page.limit(), OrderSummary::id));
        model.addAttribute("warehouses", warehouses());
        return "sales/portal-orders";
    }

    @PostMapping("/portal/orders")
    @RequiresPermission("portal.orders")
    String create(@RequestParam UUID destinationId, @RequestParam(required = false)
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedDelivery,
                  @RequestParam(required = false) String notes, RedirectAttributes redirect) {
        try {
            return "redirect:/portal/orders/" + orders.create(new CustomerOrders.OrderRequest(destinationId,
                    expectedDelivery, notes, List.of())).id();
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, SalesPageModel.AREA));
            return "redirect:/portal/orders";
        }
    }

    @GetMapping("/portal/orders/{id}")
    @RequiresPermission("portal.orders")
    String detail(@PathVariable UUID id, Model model) {
        OrderView order = queries.get(id);
        model.addAttribute("order", order);
        if (order.status().equals(OrderStatus.DRAFT.code())) {
            model.addAttribute("warehouses", warehouses());
            model.addAttribute("choices", queries.choices());
        }
        return "sales/portal-order";
    }

    @PostMapping("/portal/orders/{id}")
    @RequiresPermission("portal.orders")
    String update(@PathVariable UUID id, @RequestParam long version, @RequestParam UUID destinationId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedDelivery,
                  @RequestParam(required = false) String notes, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            OrderView order = queries.get(id);
            return orders.update(id, version, new CustomerOrders.OrderRequest(destinationId, expectedDelivery, notes,
                    order.items().stream().map(i -> new CustomerOrders.LineRequest(i.itemId(), i.quantity())).toList()));
        });
    }

    @PostMapping("/portal/orders/{id}/lines")
    @RequiresPermission("portal.orders")
    String addLine(@PathVariable UUID id, @RequestParam long version, @RequestParam String sku,
                   @RequestParam String quantity, RedirectAttributes redirect) {
        Optional<UUID> item = queries.itemBySku(sku);
        BigDecimal amount = FormNumbers.decimal(quantity);
        if (item.isEmpty() || amount == null || amount.signum() <= 0) {
            redirect.addFlashAttribute("error", item.isEmpty() ? "orders.unknownSku" : "orders.quantity.invalid");
            return "redirect:/portal/orders/" + id;
        }
        return act(id, redirect, () -> orders.addLine(id, version, new CustomerOrders.LineRequest(item.get(), amount)));
    }

    @PostMapping("/portal/orders/{id}/lines/{itemId}/remove")
    @RequiresPermission("portal.orders")
    String removeLine(@PathVariable UUID id, @PathVariable UUID itemId, @RequestParam long version,
                      RedirectAttributes redirect) {
        return act(id, redirect, () -> orders.removeLine(id, version, itemId));
    }

    @PostMapping("/portal/orders/{id}/submit")
    @RequiresPermission("portal.orders")
    String submit(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, () -> orders.submit(id, version));
    }

    @PostMapping("/portal/orders/{id}/cancel")
    @RequiresPermission("portal.orders")
    String cancel(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        return act(id, redirect, () -> orders.cancel(id, version, new CustomerOrders.Cancellation(reason)));
    }

    /** The signed-in partner's own warehouses (none for the company's staff, who do not order here). */
    private List<Place> warehouses() {
        UUID organization = Actor.current().map(Actor::organizationId).orElse(null);
        return queries.partners().stream().filter(p -> p.id().equals(organization))
                .flatMap(p -> p.warehouses().stream()).toList();
    }

    private String act(UUID id, RedirectAttributes redirect, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("saved", true);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, SalesPageModel.AREA));
        }
        return "redirect:/portal/orders/" + id;
    }
}
