package dev.bodega.catalog.internal.models;

import dev.bodega.catalog.internal.FormErrors;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
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

/** The vehicle models pages: the list with its form, and one model with its compatible items. */
@Controller
class VehicleModelPagesController {

    private final VehicleModels models;
    private final ProblemMessages problems;
    VehicleModelPagesController(VehicleModels models, ProblemMessages problems) {
        this.models = models;
        this.problems = problems;
    }

    @GetMapping("/catalog/vehicle-models")
    @RequiresPermission("catalog.read")
    String list(Model model) {
        model.addAttribute("form", new VehicleModels.ModelRequest("", "", ""));
        return listPage(model);
    }

    @PostMapping("/catalog/vehicle-models")
    @RequiresPermission("catalog.write")
    String create(@Valid @ModelAttribute("form") VehicleModels.ModelRequest form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/catalog/vehicle-models/" + models.create(form).id();
            } catch (ErrorResponseException e) {
                errors.rejectValue("name", problems.refusal(e, FormErrors.AREA));
            }
        }
        return listPage(model);
    }

    @GetMapping("/catalog/vehicle-models/{id}")
    @RequiresPermission("catalog.read")
    String detail(@PathVariable UUID id, Model model) {
        VehicleModels.Model found = models.get(id);
        model.addAttribute("form", new VehicleModels.ModelRequest(found.name(), found.power(), found.description()));
        return detailPage(found, model);
    }

    @PostMapping("/catalog/vehicle-models/{id}")
    @RequiresPermission("catalog.write")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") VehicleModels.ModelRequest form,
                  BindingResult errors, @RequestParam long version, Model model) {
        if (!errors.hasErrors()) {
            try {
                models.update(id, version, form);
                return "redirect:/catalog/vehicle-models/" + id + "?saved";
            } catch (ErrorResponseException e) {
                errors.rejectValue("name", problems.refusal(e, FormErrors.AREA));
            }
        }
        return detailPage(models.get(id), model);
    }

    @PostMapping("/catalog/vehicle-models/{id}/delete")
    @RequiresPermission("catalog.write")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            models.delete(id);
            return "redirect:/catalog/vehicle-models";
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, FormErrors.AREA));
            return "redirect:/catalog/vehicle-models/" + id;
        }
    }

    /** Adds the item with this SKU (a scanner or a typed code). */
    @PostMapping("/catalog/vehicle-models/{id}/items")
    @RequiresPermission("catalog.write")
    String addItem(@PathVariable UUID id, @RequestParam(defaultValue = "") String sku, RedirectAttributes redirect) {
        if (!models.markCompatibleBySku(id, sku)) {
            redirect.addFlashAttribute("error", "vehicles.model.unknownSku");
        }
        return "redirect:/catalog/vehicle-models/" + id + "#compatible-items";
    }

    @PostMapping("/catalog/vehicle-models/{id}/items/{itemId}/delete")
    @RequiresPermission("catalog.write")
    String removeItem(@PathVariable UUID id, @PathVariable UUID itemId) {
        models.unmarkCompatible(id, itemId);
        return "redirect:/catalog/vehicle-models/" + id + "#compatible-items";
    }

    private String listPage(Model model) {
        model.addAttribute("models", models.all());
        return "catalog/vehicle-models";
    }

    private String detailPage(VehicleModels.Model found, Model model) {
        model.addAttribute("vehicleModel", found);
        model.addAttribute("items", models.items(found.id()));
        return "catalog/vehicle-model";
    }
}
