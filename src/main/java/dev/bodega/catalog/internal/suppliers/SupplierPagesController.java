package dev.bodega.catalog.internal.suppliers;

import dev.bodega.catalog.internal.CatalogProblem;
import dev.bodega.catalog.internal.FormErrors;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import jakarta.validation.Validator;
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

/** The suppliers pages: the list with its creation form, and one supplier's form. */
@Controller
class SupplierPagesController {

    private final Suppliers suppliers;
    private final Validator validator;
    private final ProblemMessages problems;

    SupplierPagesController(Suppliers suppliers, Validator validator, ProblemMessages problems) {
        this.suppliers = suppliers;
        this.validator = validator;
        this.problems = problems;
    }

    @GetMapping("/catalog/suppliers")
    @RequiresPermission("catalog.read")
    String list(@RequestParam(required = false) String q, PageQuery<UUID> page, Model model) {
        model.addAttribute("supplierForm", new SupplierForm());
        return listPage(model, q, page);
    }

    @PostMapping("/catalog/suppliers")
    @RequiresPermission("catalog.write")
    String create(@ModelAttribute("supplierForm") SupplierForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        Suppliers.SupplierRequest request = form.toRequest();
        FormErrors.validate(validator, request, errors);
        if (!errors.hasErrors()) {
            try {
                suppliers.create(request);
                redirect.addFlashAttribute("message", "catalog.supplier.created");
                return "redirect:/catalog/suppliers";
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        return listPage(model, null, PageQuery.first());
    }

    @GetMapping("/catalog/suppliers/{id}")
    @RequiresPermission("catalog.read")
    String detail(@PathVariable UUID id, Model model) {
        Suppliers.SupplierView supplier = suppliers.get(id);
        model.addAttribute("supplierForm", SupplierForm.of(supplier));
        model.addAttribute("version", supplier.version());
        model.addAttribute("supplier", supplier);
        model.addAttribute("supplierOrganizations", suppliers.supplierOrganizations());
        return "catalog/supplier";
    }

    @PostMapping("/catalog/suppliers/{id}")
    @RequiresPermission("catalog.write")
    String update(@PathVariable UUID id, @ModelAttribute("supplierForm") SupplierForm form, BindingResult errors,
                  @RequestParam long version, Model model) {
        Suppliers.SupplierView supplier = suppliers.get(id);
        Suppliers.SupplierRequest request = form.toRequest();
        FormErrors.validate(validator, request, errors);
        if (!errors.hasErrors()) {
            try {
                suppliers.update(id, version, request);
                return "redirect:/catalog/suppliers/" + id + "?saved";
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        model.addAttribute("version", version);
        model.addAttribute("supplier", supplier);
        model.addAttribute("supplierOrganizations", suppliers.supplierOrganizations());
        return "catalog/supplier";
    }

    @PostMapping("/catalog/suppliers/{id}/delete")
    @RequiresPermission("catalog.write")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        suppliers.delete(id);
        redirect.addFlashAttribute("message", "catalog.supplier.deleted");
        return "redirect:/catalog/suppliers";
    }

    private String listPage(Model model, String q, PageQuery<UUID> page) {
        model.addAttribute("page", suppliers.list(q, null, page.cursor(), page.limit()));
        model.addAttribute("q", q);
        model.addAttribute("supplierOrganizations", suppliers.supplierOrganizations());
        return "catalog/suppliers";
    }

    /** A taken name belongs to the name field; any other refusal is a message for the whole form. */
    private void reject(ErrorResponseException e, BindingResult errors) {
        String key = problems.refusal(e, FormErrors.AREA);
        if (CatalogProblem.SUPPLIER_NAME_TAKEN.is(e)) {
            errors.rejectValue("name", key);
        } else {
            errors.reject(key);
        }
    }
}
