package dev.bodega.sales.internal.vehicles;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.sales.internal.SalesPageModel;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

/** The vehicle orders pages: the list by level with the new-order form, and one order with its moves. */
@Controller
class VehicleOrderPagesController {

    private final VehicleOrders orders;
    private final ProblemMessages problems;

    VehicleOrderPagesController(VehicleOrders orders, ProblemMessages problems) {
        this.orders = orders;
        this.problems = problems;
    }

    @GetMapping("/sales/vehicle-orders")
    @RequiresPermission("sales.read")
    String list(@RequestParam(required = false) Integer level, @RequestParam(required = false) String status,
                PageQuery<UUID> page, Model model) {
        model.addAttribute("form", new VehicleOrders.OrderRequest("", null, "", "", "", null, null));
        return listPage(level, status, page, model);
    }

    @PostMapping("/sales/vehicle-orders")
    @RequiresPermission("sales.create")
    String create(@Valid @ModelAttribute("form") VehicleOrders.OrderRequest form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/sales/vehicle-orders/" + orders.create(form).id();
            } catch (ErrorResponseException e) {
                errors.reject(problems.refusal(e, SalesPageModel.AREA));
            }
        }
        return listPage(null, null, PageQuery.first(), model);
    }

    @GetMapping("/sales/vehicle-orders/{id}")
    @RequiresPermission("sales.read")
    String detail(@PathVariable UUID id, Model model) {
        VehicleOrders.Order order = orders.get(id);
        model.addAttribute("form", VehicleOrders.OrderRequest.of(order));
        return detailPage(order, model);
    }

    @PostMapping("/sales/vehicle-orders/{id}")
    @RequiresPermission("sales.create")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") VehicleOrders.OrderRequest form,
                  BindingResult errors, @RequestParam long version, Model model) {
        if (!errors.hasErrors()) {
            try {
                orders.update(id, version, form);
                return "redirect:/sales/vehicle-orders/" + id + "?saved";
            } catch (ErrorResponseException e) {
                errors.reject(problems.refusal(e, SalesPageModel.AREA));
            }
        }
        return detailPage(orders.get(id), model);
    }

    @PostMapping("/sales/vehicle-orders/{id}/level")
    @RequiresPermission("sales.create")
    String moveTo(@PathVariable UUID id, @RequestParam int level, RedirectAttributes redirect) {
        try {
            orders.moveTo(id, level);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, SalesPageModel.AREA));
        }
        return "redirect:/sales/vehicle-orders/" + id;
    }

    @PostMapping("/sales/vehicle-orders/{id}/cancel")
    @RequiresPermission("sales.create")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            orders.cancel(id);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, SalesPageModel.AREA));
        }
        return "redirect:/sales/vehicle-orders/" + id;
    }

    private String listPage(Integer level, String status, PageQuery<UUID> page, Model model) {
        model.addAttribute("page", CursorPage.of(orders.list(new VehicleOrders.Filter(level, status), page.cursor(),
                page.limit() + 1), page.limit(), VehicleOrders.Order::id));
        model.addAttribute("level", level);
        model.addAttribute("status", status);
        model.addAttribute("models", orders.models());
        return "sales/vehicle-orders";
    }

    private String detailPage(VehicleOrders.Order order, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("models", orders.models());
        model.addAttribute("trackingUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath().path(order.trackingPath()).toUriString());
        return "sales/vehicle-order";
    }
}
