package dev.bodega.catalog.internal.items;

import dev.bodega.catalog.internal.CatalogProblem;
import dev.bodega.catalog.internal.FormErrors;
import dev.bodega.catalog.internal.InvalidFields;
import dev.bodega.catalog.internal.ItemSuppliers;
import dev.bodega.catalog.internal.Violation;
import dev.bodega.catalog.internal.categories.Categories;
import dev.bodega.catalog.internal.models.VehicleModels;
import dev.bodega.catalog.internal.suppliers.Suppliers;
import dev.bodega.catalog.internal.units.Units;
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

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The items pages: list with search and filters, details (price history, suppliers), and the item form. */
@Controller
class ItemPagesController {

    private final Items items;
    private final ItemSearch search;
    private final Categories categories;
    private final Units units;
    private final Suppliers suppliers;
    private final ItemSuppliers links;
    private final Validator validator;
    private final ItemRules rules;
    private final ProblemMessages problems;
    private final VehicleModels vehicleModels;

    ItemPagesController(Items items, ItemSearch search, Categories categories, Units units, Suppliers suppliers,
                        ItemSuppliers links, Validator validator, ItemRules rules,
                        ProblemMessages problems, VehicleModels vehicleModels) {
        this.vehicleModels = vehicleModels;
        this.problems = problems;
        this.rules = rules;
        this.items = items;
        this.search = search;
        this.categories = categories;
        this.units = units;
        this.suppliers = suppliers;
        this.links = links;
        this.validator = validator;
    }

    @GetMapping("/catalog/items")
    @RequiresPermission("catalog.read")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID category,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String brand,
                @RequestParam(required = false) String status,
                @RequestParam(name = "model", required = false) UUID vehicleModel, PageQuery<String> page, Model model) {
        Boolean active = "active".equals(status) ? Boolean.TRUE : "inactive".equals(status) ? Boolean.FALSE : null;
        Boolean discontinued = "discontinued".equals(status) ? Boolean.TRUE : null;
        model.addAttribute("page", search.list(new ItemSearch.Filter(q, category, kind, brand, active, discontinued,
                vehicleModel), page.cursor(), page.limit()));
        model.addAttribute("vehicleModel", vehicleModel);
        model.addAttribute("vehicleModels", vehicleModels.all());
        model.addAttribute("q", q);
        model.addAttribute("category", category);
        model.addAttribute("kind", kind);
        model.addAttribute("brand", brand);
        model.addAttribute("status", status);
        model.addAttribute("categories", categories.tree(null));
        return "catalog/items";
    }

    @GetMapping("/catalog/items/new")
    @RequiresPermission("catalog.write")
    String newItem(Model model) {
        model.addAttribute("catalogItem", new ItemForm());
        return form(model, null, null);
    }

    @PostMapping("/catalog/items/new")
    @RequiresPermission("catalog.write")
    String create(@ModelAttribute("catalogItem") ItemForm form, BindingResult errors, Model model) {
        ItemRequest request = form.toRequest();
        check(request, errors);
        if (!errors.hasErrors()) {
            try {
                return "redirect:/catalog/items/" + items.create(request).id() + "?created";
            } catch (InvalidFields e) {
                FormErrors.reject(e, errors);
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        return form(model, null, null);
    }

    @GetMapping("/catalog/items/{id}")
    @RequiresPermission("catalog.read")
    String detail(@PathVariable UUID id, Model model) {
        Items.ItemView item = items.get(id);
        model.addAttribute("item", item);
        model.addAttribute("unit", units.find(item.unitCode()).orElseThrow());
        model.addAttribute("history", items.priceHistory(id, null, 20));
        model.addAttribute("links", links.of(id));
        model.addAttribute("suppliers", suppliers.allActive());
        model.addAttribute("vehicleModels", vehicleModels.all());
        model.addAttribute("fits", vehicleModels.ofItem(id).stream().map(VehicleModels.Model::id).toList());
        return "catalog/item";
    }

    @GetMapping("/catalog/items/{id}/edit")
    @RequiresPermission("catalog.write")
    String edit(@PathVariable UUID id, Model model) {
        Items.ItemView item = items.get(id);
        model.addAttribute("catalogItem", ItemForm.of(item));
        return form(model, id, item.version());
    }

    @PostMapping("/catalog/items/{id}/edit")
    @RequiresPermission("catalog.write")
    String update(@PathVariable UUID id, @ModelAttribute("catalogItem") ItemForm form, BindingResult errors,
                  @RequestParam long version, Model model) {
        ItemRequest request = form.toRequest();
        check(request, errors);
        if (!errors.hasErrors()) {
            try {
                items.update(id, version, request);
                return "redirect:/catalog/items/" + id + "?saved";
            } catch (InvalidFields e) {
                FormErrors.reject(e, errors);
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        return form(model, id, version);
    }

    @PostMapping("/catalog/items/{id}/delete")
    @RequiresPermission("catalog.write")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        items.delete(id);
        redirect.addFlashAttribute("message", "catalog.item.deleted");
        return "redirect:/catalog/items";
    }

    @PostMapping("/catalog/items/{id}/suppliers")
    @RequiresPermission("catalog.write")
    String link(@PathVariable UUID id, @RequestParam UUID supplierId, @RequestParam(required = false) String supplierCode,
                @RequestParam(required = false) BigDecimal lastPrice, @RequestParam(required = false) Integer leadTimeDays,
                @RequestParam(defaultValue = "false") boolean preferred, RedirectAttributes redirect) {
        ItemSuppliers.LinkRequest request = new ItemSuppliers.LinkRequest(supplierCode, lastPrice, leadTimeDays, preferred);
        if (!validator.validate(request).isEmpty()) {
            redirect.addFlashAttribute("linkError", "catalog.link.invalid");
        } else {
            links.put(id, supplierId, request);
        }
        return "redirect:/catalog/items/" + id + "#item-suppliers";
    }

    @PostMapping("/catalog/items/{id}/suppliers/{supplierId}/delete")
    @RequiresPermission("catalog.write")
    String unlink(@PathVariable UUID id, @PathVariable UUID supplierId) {
        links.remove(id, supplierId);
        return "redirect:/catalog/items/" + id + "#item-suppliers";
    }

    /** The item fits exactly the models ticked. */
    @PostMapping("/catalog/items/{id}/vehicle-models")
    @RequiresPermission("catalog.write")
    String setVehicleModels(@PathVariable UUID id, @RequestParam(required = false) List<UUID> modelIds) {
        vehicleModels.setModelsOfItem(id, modelIds == null ? List.of() : modelIds);
        return "redirect:/catalog/items/" + id + "#item-vehicle-models";
    }

    /** Every problem at once: the annotations, then the item rules for the fields still without an error. */
    private void check(ItemRequest request, BindingResult errors) {
        FormErrors.validate(validator, request, errors);
        for (Violation violation : rules.violations(request, false)) {
            if (!errors.hasFieldErrors(violation.field())) {
                errors.rejectValue(violation.field(), violation.key(), violation.args(), violation.key());
            }
        }
    }

    private String form(Model model, UUID id, Long version) {
        model.addAttribute("itemId", id);
        model.addAttribute("version", version);
        model.addAttribute("categories", categories.tree(null));
        model.addAttribute("units", units.all());
        return "catalog/item-form";
    }

    /** A taken SKU or barcode belongs to its field; any other refusal is a message for the whole form. */
    private void reject(ErrorResponseException e, BindingResult errors) {
        String key = problems.refusal(e, FormErrors.AREA);
        if (CatalogProblem.SKU_TAKEN.is(e)) {
            errors.rejectValue("sku", key);
        } else if (CatalogProblem.BARCODE_TAKEN.is(e)) {
            errors.rejectValue("barcode", key);
        } else {
            errors.reject(key);
        }
    }
}
