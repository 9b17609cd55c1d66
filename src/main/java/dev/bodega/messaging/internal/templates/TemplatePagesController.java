package dev.bodega.messaging.internal.templates;

import dev.bodega.messaging.internal.PageForms;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The response templates pages: the list with a form for a new one, and one template's form. Trigger keywords are
 * typed comma separated; with keywords a template also answers automatically (the highest priority first).
 */
@Controller
class TemplatePagesController {

    private static final String AREA = "inbox";

    private final ResponseTemplates templates;
    private final Validator validator;
    private final ProblemMessages problems;

    TemplatePagesController(ResponseTemplates templates, Validator validator, ProblemMessages problems) {
        this.templates = templates;
        this.validator = validator;
        this.problems = problems;
    }

    /** The form as typed; numbers stay text until they are checked. */
    record TemplateForm(String name, String shortcut, String content, String category, String keywords,
                        String priority, boolean active) {

        static TemplateForm empty() {
            return new TemplateForm("", "", "", "", "", "0", true);
        }

        static TemplateForm of(ResponseTemplates.TemplateView t) {
            return new TemplateForm(t.name(), t.shortcut(), t.content(), t.category(),
                    String.join(", ", t.triggerKeywords()), String.valueOf(t.priority()), t.active());
        }

        ResponseTemplates.TemplateRequest request() {
            return new ResponseTemplates.TemplateRequest(name, shortcut == null ? null : shortcut.strip(), content,
                    category, keywords == null ? List.of() : Arrays.asList(keywords.split(",")), number(priority),
                    active, null, null);
        }

        /** A priority that is no whole number is refused as a negative one would be. */
        private static Integer number(String text) {
            try {
                return text == null || text.isBlank() ? 0 : Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    @GetMapping("/messaging/templates")
    @RequiresPermission("messaging.read")
    String list(Model model) {
        return listPage(model, TemplateForm.empty(), Map.of());
    }

    @PostMapping("/messaging/templates")
    @RequiresPermission("messaging.manage")
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        TemplateForm form = form(params);
        Map<String, String> errors = PageForms.violations(validator, form.request());
        if (errors.isEmpty()) {
            try {
                templates.create(form.request());
                redirect.addFlashAttribute("message", "inbox.template.created");
                return "redirect:/messaging/templates";
            } catch (ErrorResponseException e) {
                model.addAttribute("error", problems.refusal(e, AREA));
            }
        }
        return listPage(model, form, errors);
    }

    @GetMapping("/messaging/templates/{id}")
    @RequiresPermission("messaging.read")
    String detail(@PathVariable UUID id, Model model) {
        ResponseTemplates.TemplateView template = templates.get(id);
        return detailPage(model, template, TemplateForm.of(template), template.version(), Map.of());
    }

    @PostMapping("/messaging/templates/{id}")
    @RequiresPermission("messaging.manage")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model,
                  RedirectAttributes redirect) {
        ResponseTemplates.TemplateView template = templates.get(id);
        TemplateForm form = form(params);
        long version = Long.parseLong(params.getOrDefault("version", "0"));
        Map<String, String> errors = PageForms.violations(validator, form.request());
        if (errors.isEmpty()) {
            try {
                templates.update(id, version, form.request());
                redirect.addFlashAttribute("message", "inbox.settings.saved");
                return "redirect:/messaging/templates/" + id;
            } catch (ErrorResponseException e) {
                model.addAttribute("error", problems.refusal(e, AREA));
            }
        }
        return detailPage(model, template, form, version, errors);
    }

    @PostMapping("/messaging/templates/{id}/delete")
    @RequiresPermission("messaging.manage")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        templates.delete(id);
        redirect.addFlashAttribute("message", "inbox.template.deleted");
        return "redirect:/messaging/templates";
    }

    private static TemplateForm form(Map<String, String> params) {
        return new TemplateForm(params.get("name"), params.get("shortcut"), params.get("content"),
                params.get("category"), params.get("keywords"), params.get("priority"),
                "true".equals(params.get("active")));
    }

    private String listPage(Model model, TemplateForm form, Map<String, String> errors) {
        model.addAttribute("templates", templates.list());
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", errors);
        return "messaging/templates";
    }

    private String detailPage(Model model, ResponseTemplates.TemplateView template, TemplateForm form, long version,
                              Map<String, String> errors) {
        model.addAttribute("template", template);
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        model.addAttribute("fieldErrors", errors);
        return "messaging/template";
    }
}
