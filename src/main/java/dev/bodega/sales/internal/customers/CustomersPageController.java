package dev.bodega.sales.internal.customers;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.sales.internal.SalesProblem;
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

import java.util.UUID;

/** The customers pages: the list with its form for a new customer, and one customer's data and purchases. */
@Controller
public class CustomersPageController {

    private final Customers customers;
    private final ProblemMessages problems;

    CustomersPageController(Customers customers, ProblemMessages problems) {
        this.customers = customers;
        this.problems = problems;
    }

    @GetMapping("/customers")
    @RequiresPermission("customers.read")
    String list(@RequestParam(required = false) String q, PageQuery<UUID> page, Model model) {
        model.addAttribute("form", Customers.CustomerForm.empty());
        return listPage(model, q, page);
    }

    @PostMapping("/customers")
    @RequiresPermission("customers.write")
    String create(@Valid @ModelAttribute("form") Customers.CustomerForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/customers/" + customers.create(form).id() + "?created";
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        return listPage(model, null, PageQuery.first());
    }

    @GetMapping("/customers/{id}")
    @RequiresPermission("customers.read")
    String detail(@PathVariable UUID id, Model model) {
        Customers.CustomerView customer = customers.get(id);
        model.addAttribute("form", Customers.CustomerForm.of(customer));
        model.addAttribute("version", customer.version());
        return detailPage(model, customer);
    }

    @PostMapping("/customers/{id}")
    @RequiresPermission("customers.write")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") Customers.CustomerForm form, BindingResult errors,
                  @RequestParam long version, Model model) {
        Customers.CustomerView customer = customers.get(id);
        if (!errors.hasErrors()) {
            try {
                customers.update(id, version, form);
                return "redirect:/customers/" + id + "?saved";
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        model.addAttribute("version", version);
        return detailPage(model, customer);
    }

    @PostMapping("/customers/{id}/delete")
    @RequiresPermission("customers.write")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        customers.delete(id);
        redirect.addFlashAttribute("message", "customers.deleted");
        return "redirect:/customers";
    }

    private String listPage(Model model, String q, PageQuery<UUID> page) {
        model.addAttribute("page", customers.list(q, null, page.cursor(), page.limit()));
        model.addAttribute("q", q);
        model.addAttribute("customerOrganizations", customers.customerOrganizations());
        return "sales/customers";
    }

    private String detailPage(Model model, Customers.CustomerView customer) {
        model.addAttribute("customer", customer);
        model.addAttribute("customerOrganizations", customers.customerOrganizations());
        model.addAttribute("purchases", customers.purchases(customer.id(), null, CursorPage.DEFAULT_LIMIT).items());
        return "sales/customer";
    }

    /** A taken document belongs to the number field; other problems are a message for the whole form. */
    private void reject(ErrorResponseException e, BindingResult errors) {
        String key = problems.refusal(e, SalesPageModel.AREA);
        if (SalesProblem.DOCUMENT_TAKEN.is(e)) {
            errors.rejectValue("documentNumber", key);
        } else {
            errors.reject(key);
        }
    }
}
