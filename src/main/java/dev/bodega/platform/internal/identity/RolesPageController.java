package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Permissions;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The roles pages: list and create, edit one role's permissions (one pattern per line), delete. */
@Controller
class RolesPageController {

    /** A role as the page edits it: permissions as text, one pattern per line. */
    record RoleForm(
            @NotBlank(message = "{roles.name.required}") @Size(max = 50, message = "{field.too-long}")
            @Pattern(regexp = "^[a-z][a-z0-9_-]*$", message = "{roles.name.invalid}") String name,
            @Size(max = 255, message = "{field.too-long}") String description,
            @Size(max = 5000, message = "{field.too-long}") String permissions) {

        static RoleForm of(RoleAdmin.RoleView role, String description) {
            return new RoleForm(role.name(), description, String.join("\n", role.permissions()));
        }

        List<String> permissionList() {
            return permissions == null ? List.of()
                    : Arrays.stream(permissions.split("\\R")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        }

        RoleAdmin.RoleInput toInput(String storedDescription) {
            return new RoleAdmin.RoleInput(name, storedDescription, permissionList());
        }
    }

    /** The roles pages' own words for a problem are {@code roles.problem.<slug>}. */
    private static final String AREA = "roles";

    private final RoleAdmin roles;
    private final MessageSource messages;
    private final ProblemMessages problems;

    RolesPageController(RoleAdmin roles, MessageSource messages, ProblemMessages problems) {
        this.roles = roles;
        this.messages = messages;
        this.problems = problems;
    }

    @GetMapping("/roles")
    @RequiresPermission("roles.read")
    String list(Model model) {
        model.addAttribute("form", new RoleForm("", "", ""));
        return listPage(model);
    }

    @PostMapping("/roles")
    @RequiresPermission("roles.write")
    String create(@Valid @ModelAttribute("form") RoleForm form, BindingResult errors, Model model) {
        checkPatterns(form, errors);
        if (!errors.hasErrors()) {
            try {
                return "redirect:/roles/" + roles.create(form.toInput(form.description())).id() + "?created";
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        return listPage(model);
    }

    @GetMapping("/roles/{id}")
    @RequiresPermission("roles.read")
    String detail(@PathVariable UUID id, Model model) {
        RoleAdmin.RoleView role = roles.get(id);
        model.addAttribute("form", RoleForm.of(role, shown(role.description())));
        model.addAttribute("version", role.version());
        model.addAttribute("role", role);
        return "platform/role";
    }

    @PostMapping("/roles/{id}")
    @RequiresPermission("roles.write")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") RoleForm form, BindingResult errors,
                  @RequestParam long version, Model model) {
        RoleAdmin.RoleView role = roles.get(id);
        checkPatterns(form, errors);
        if (!errors.hasErrors()) {
            try {
                roles.update(id, version, form.toInput(stored(role.description(), form.description())));
                return "redirect:/roles/" + id + "?saved";
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        model.addAttribute("version", version);
        model.addAttribute("role", role);
        return "platform/role";
    }

    @PostMapping("/roles/{id}/delete")
    @RequiresPermission("roles.write")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            roles.delete(id);
            redirect.addFlashAttribute("message", "roles.deleted");
            return "redirect:/roles";
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", message(e));
            return "redirect:/roles/" + id;
        }
    }

    /** Built-in roles store their description as a bundle key: the form shows it in the reader's language. */
    private String shown(String description) {
        return description == null ? null
                : messages.getMessage(description, null, description, LocaleContextHolder.getLocale());
    }

    /** An untouched translated description keeps its bundle key, so it stays bilingual. */
    private String stored(String current, String submitted) {
        return current != null && submitted != null && submitted.trim().equals(shown(current)) ? current : submitted;
    }

    private String listPage(Model model) {
        model.addAttribute("roles", roles.all());
        return "platform/roles";
    }

    /** Names the first line that is not a permission pattern, next to the field. */
    private static void checkPatterns(RoleForm form, BindingResult errors) {
        form.permissionList().stream().filter(p -> !Permissions.isValidPattern(p)).findFirst()
                .ifPresent(bad -> errors.rejectValue("permissions", "roles.permissions.invalid", new Object[] {bad},
                        "Not a permission pattern: " + bad));
    }

    /** A taken name belongs to the name field; any other refusal is a message for the whole form. */
    private void reject(ErrorResponseException e, BindingResult errors) {
        String key = message(e);
        if (PlatformProblem.ROLE_NAME_TAKEN.is(e)) {
            errors.rejectValue("name", key);
        } else {
            errors.reject(key);
        }
    }

    private String message(ErrorResponseException e) {
        return problems.refusal(e, AREA);
    }
}
