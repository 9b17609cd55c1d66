package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Actor;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.PlatformProblem;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.UUID;

/** The users pages: the list with its invitation form, and one user's data, roles and sessions. */
@Controller
class UsersPageController {

    /** The users pages' own words for a problem are {@code users.problem.<slug>}. */
    private static final String AREA = "users";

    private final UserAdmin users;
    private final RoleAdmin roles;
    private final ProblemMessages problems;
    private final UserApprovals approvals;
    private final Joining joining;

    UsersPageController(UserAdmin users, RoleAdmin roles, ProblemMessages problems, UserApprovals approvals,
                        Joining joining) {
        this.users = users;
        this.roles = roles;
        this.problems = problems;
        this.approvals = approvals;
        this.joining = joining;
    }

    @PostMapping("/users/{id}/approve")
    @RequiresPermission("users.write")
    String approve(@PathVariable UUID id, @RequestParam(required = false) List<UUID> roleIds,
                   RedirectAttributes redirect) {
        try {
            approvals.approve(id, new UserApprovals.Approval(roleIds == null ? List.of() : roleIds));
            redirect.addFlashAttribute("message", "users.approved");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/reject")
    @RequiresPermission("users.write")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        if (reason.isBlank()) {
            redirect.addFlashAttribute("error", "users.rejection.required");
            return "redirect:/users";
        }
        try {
            approvals.reject(id, new UserApprovals.Rejection(reason));
            redirect.addFlashAttribute("message", "users.rejected");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/users";
    }

    @PostMapping("/users/join-link")
    @RequiresPermission("users.write")
    String replaceJoinLink(RedirectAttributes redirect) {
        joining.replaceLink();
        redirect.addFlashAttribute("message", "users.joinLink.replaced");
        return "redirect:/users#join-link";
    }

    @GetMapping("/users")
    @RequiresPermission("users.read")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(required = false) UUID role, PageQuery<UUID> page, Model model) {
        model.addAttribute("form", new UserAdmin.NewUser("", "", "", List.of(), ""));
        return listPage(model, q, status, role, page);
    }

    @PostMapping("/users")
    @RequiresPermission("users.write")
    String invite(@Valid @ModelAttribute("form") UserAdmin.NewUser form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/users/" + users.create(form).id() + "?invited";
            } catch (ErrorResponseException e) {
                reject(e, errors, "email");
            }
        }
        return listPage(model, null, null, null, PageQuery.first());
    }

    @PostMapping("/users/{id}/active")
    @RequiresPermission("users.write")
    String setActive(@PathVariable UUID id, @RequestParam boolean active, @RequestParam long version,
                     RedirectAttributes redirect) {
        try {
            users.setActive(id, version, active);
            redirect.addFlashAttribute("message", active ? "users.reactivated" : "users.deactivated");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/users";
    }

    @GetMapping("/users/{id}")
    @RequiresPermission("users.read")
    String detail(@PathVariable UUID id, Model model) {
        UserAdmin.UserView user = users.get(id);
        model.addAttribute("form", new UserAdmin.Changes(user.name(), user.email(), user.phone(), null));
        model.addAttribute("version", user.version());
        model.addAttribute("selectedRoles", user.roleIds());
        return detailPage(model, user);
    }

    @PostMapping("/users/{id}")
    @RequiresPermission("users.write")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") UserAdmin.Changes form, BindingResult errors,
                  @RequestParam long version, Model model) {
        UserAdmin.UserView user = users.get(id);
        if (!errors.hasErrors()) {
            try {
                users.update(id, version, new UserAdmin.Changes(form.name(), form.email(), form.phone(), null));
                return "redirect:/users/" + id + "?saved";
            } catch (ErrorResponseException e) {
                reject(e, errors, "email");
            }
        }
        model.addAttribute("version", version);
        model.addAttribute("selectedRoles", user.roleIds());
        return detailPage(model, user);
    }

    @PostMapping("/users/{id}/roles")
    @RequiresPermission("users.write")
    String setRoles(@PathVariable UUID id, @RequestParam(required = false) List<UUID> roleIds,
                    @RequestParam long version, Model model) {
        List<UUID> wanted = roleIds == null ? List.of() : roleIds;
        try {
            users.setRoles(id, version, wanted);
            return "redirect:/users/" + id + "?rolesSaved";
        } catch (ErrorResponseException e) {
            UserAdmin.UserView user = users.get(id);
            model.addAttribute("rolesError", message(e));
            model.addAttribute("form", new UserAdmin.Changes(user.name(), user.email(), user.phone(), null));
            model.addAttribute("version", version);
            model.addAttribute("selectedRoles", wanted);
            return detailPage(model, user);
        }
    }

    @PostMapping("/users/{id}/sessions/end")
    @RequiresPermission("users.write")
    String endSessions(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("sessionsEnded", users.endSessions(id));
        return "redirect:/users/" + id;
    }

    @PostMapping("/users/{id}/delete")
    @RequiresPermission("users.write")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            users.delete(id);
            redirect.addFlashAttribute("message", "users.deleted");
            return "redirect:/users";
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", message(e));
            return "redirect:/users/" + id;
        }
    }

    private String listPage(Model model, String q, String status, UUID role, PageQuery<UUID> page) {
        Boolean active = "active".equals(status) ? Boolean.TRUE : "inactive".equals(status) ? Boolean.FALSE : null;
        model.addAttribute("page", users.list(new UserAdmin.Filter(q, active, role), page.cursor(), page.limit()));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("role", role);
        model.addAttribute("roles", roles.all());
        boolean canWrite = Actor.require().can("users.write");
        model.addAttribute("pending", canWrite ? approvals.pending() : List.of());
        model.addAttribute("joinLink", canWrite
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path(joining.link()).toUriString() : null);
        return "platform/users";
    }

    private String detailPage(Model model, UserAdmin.UserView user) {
        model.addAttribute("user", user);
        model.addAttribute("roles", roles.all());
        boolean canWrite = Actor.require().can("users.write");
        model.addAttribute("sessions", canWrite ? users.sessions(user.id()) : List.of());
        return "platform/user";
    }

    /** A taken email belongs to the email field; any other refusal is a message for the whole form. */
    private void reject(ErrorResponseException e, BindingResult errors, String emailField) {
        String key = message(e);
        if (PlatformProblem.EMAIL_TAKEN.is(e)) {
            errors.rejectValue(emailField, key);
        } else {
            errors.reject(key);
        }
    }

    private String message(ErrorResponseException e) {
        return problems.refusal(e, AREA);
    }
}
