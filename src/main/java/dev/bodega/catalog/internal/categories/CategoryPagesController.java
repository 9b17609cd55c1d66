package dev.bodega.catalog.internal.categories;

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

/** The category tree page: create, rename, move, deactivate and reactivate. */
@Controller
class CategoryPagesController {

    private final Categories categories;
    private final ProblemMessages problems;

    CategoryPagesController(Categories categories, ProblemMessages problems) {
        this.categories = categories;
        this.problems = problems;
    }

    @GetMapping("/catalog/categories")
    @RequiresPermission("catalog.read")
    String tree(Model model) {
        model.addAttribute("form", new Categories.CategoryRequest("", null, null, null));
        return page(model);
    }

    @PostMapping("/catalog/categories")
    @RequiresPermission("catalog.write")
    String create(@Valid @ModelAttribute("form") Categories.CategoryRequest form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                categories.create(form);
                redirect.addFlashAttribute("message", "catalog.category.created");
                return "redirect:/catalog/categories";
            } catch (ErrorResponseException e) {
                errors.reject(problems.refusal(e, FormErrors.AREA));
            }
        }
        return page(model);
    }

    /** Rename and move in one: the row's name field and parent choice. */
    @PostMapping("/catalog/categories/{id}")
    @RequiresPermission("catalog.write")
    String update(@PathVariable UUID id, @RequestParam String name, @RequestParam(required = false) UUID parentId,
                  @RequestParam long version, RedirectAttributes redirect) {
        Categories.CategoryView current = categories.get(id);
        Categories.CategoryRequest request = new Categories.CategoryRequest(name, parentId, current.description(), null);
        if (name.isBlank() || name.contains("/") || name.trim().length() > 120) {
            redirect.addFlashAttribute("error", "catalog.category.nameInvalid");
            return "redirect:/catalog/categories";
        }
        return apply(redirect, "catalog.category.saved", () -> categories.update(id, version, request));
    }

    @PostMapping("/catalog/categories/{id}/active")
    @RequiresPermission("catalog.write")
    String setActive(@PathVariable UUID id, @RequestParam boolean active, @RequestParam long version,
                     RedirectAttributes redirect) {
        Categories.CategoryView current = categories.get(id);
        return apply(redirect, active ? "catalog.category.reactivated" : "catalog.category.deactivated",
                () -> categories.update(id, version, new Categories.CategoryRequest(current.name(), current.parentId(),
                        current.description(), active)));
    }

    private String apply(RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("message", done);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, FormErrors.AREA));
        }
        return "redirect:/catalog/categories";
    }

    private String page(Model model) {
        model.addAttribute("categories", categories.tree(null));
        return "catalog/categories";
    }
}
