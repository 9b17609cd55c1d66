package dev.bodega.platform.internal.identity;

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

import java.util.UUID;

/** Inviting by email from the users pages: the form, the invitations not yet accepted, resending one. */
@Controller
@RequiresPermission("users.write")
class InvitationsPageController {

    private final Invitations invitations;
    private final RoleAdmin roles;
    private final ProblemMessages problems;

    InvitationsPageController(Invitations invitations, RoleAdmin roles, ProblemMessages problems) {
        this.invitations = invitations;
        this.roles = roles;
        this.problems = problems;
    }

    @GetMapping("/users/invitations")
    String list(Model model) {
        model.addAttribute("form", new Invitations.Invite("", null, null));
        return page(model);
    }

    @PostMapping("/users/invitations")
    String invite(@Valid @ModelAttribute("form") Invitations.Invite form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                invitations.invite(form);
                return "redirect:/users/invitations?invited";
            } catch (ErrorResponseException e) {
                errors.rejectValue("email", problems.refusal(e, "users"));
            }
        }
        return page(model);
    }

    @PostMapping("/users/invitations/{userId}/resend")
    String resend(@PathVariable UUID userId) {
        invitations.resend(userId);
        return "redirect:/users/invitations?resent";
    }

    private String page(Model model) {
        model.addAttribute("invitations", invitations.pending());
        model.addAttribute("roles", roles.all());
        return "platform/invitations";
    }
}
