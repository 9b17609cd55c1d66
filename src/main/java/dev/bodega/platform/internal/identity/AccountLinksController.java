package dev.bodega.platform.internal.identity;

import dev.bodega.platform.internal.web.RateLimits;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.PublicEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The pages behind mailed links: accepting an invitation, asking for and choosing a new password, confirming a new
 * address. An unknown, used or expired link is a 404.
 */
@Controller
@PublicEndpoint
class AccountLinksController {

    record PasswordForm(@NotBlank(message = "{field.password.required}")
                        @Size(min = 8, max = 72, message = "{field.password.length}") String password) {
    }

    record ResetForm(@NotBlank(message = "{signup.slug.required}") @Size(max = 64, message = "{field.too-long}") String company,
                     @NotBlank(message = "{users.email.required}") @Size(max = 254, message = "{field.too-long}") String email) {
    }

    private final Invitations invitations;
    private final PasswordReset reset;
    private final EmailChange emailChange;
    private final ProblemMessages problems;
    private final RateLimits limits;

    AccountLinksController(Invitations invitations, PasswordReset reset, EmailChange emailChange,
                           ProblemMessages problems, RateLimits limits) {
        this.limits = limits;
        this.invitations = invitations;
        this.reset = reset;
        this.emailChange = emailChange;
        this.problems = problems;
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model) {
        model.addAttribute("form", new Invitations.Acceptance("", ""));
        return invitationPage(token, model);
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @Valid @ModelAttribute("form") Invitations.Acceptance form,
                  BindingResult errors, HttpServletRequest request, Model model) {
        if (errors.hasErrors()) {
            return invitationPage(token, model);
        }
        if (!invitations.accept(token, form, request.getRemoteAddr(), request.getHeader("User-Agent"))) {
            throw new NotFoundException("Invitation");
        }
        return "redirect:/login?invitationAccepted";
    }

    @GetMapping("/password-reset")
    String resetForm(Model model) {
        model.addAttribute("form", new ResetForm("", ""));
        return "platform/password-reset";
    }

    @PostMapping("/password-reset")
    String requestReset(@Valid @ModelAttribute("form") ResetForm form, BindingResult errors,
                        HttpServletRequest request, Model model) {
        if (!errors.hasErrors()) {
            try {
                limits.take(RateLimits.Kind.PASSWORD_RESET_PER_IP, request.getRemoteAddr());
                limits.take(RateLimits.Kind.PASSWORD_RESET_PER_ACCOUNT, RateLimits.account(form.company(), form.email()));
            } catch (ErrorResponseException e) {
                errors.rejectValue("email", problems.refusal(e, "mail"));
                return "platform/password-reset";
            }
            reset.request(form.company(), form.email(), request.getRemoteAddr(), request.getHeader("User-Agent"));
            model.addAttribute("requested", true);
            model.addAttribute("form", new ResetForm(form.company(), ""));
        }
        return "platform/password-reset";
    }

    @GetMapping("/password-reset/{token}")
    String newPasswordForm(@PathVariable String token, Model model) {
        if (!reset.usable(token)) {
            throw new NotFoundException("Password reset link");
        }
        model.addAttribute("form", new PasswordForm(""));
        model.addAttribute("token", token);
        return "platform/password-new";
    }

    @PostMapping("/password-reset/{token}")
    String setPassword(@PathVariable String token, @Valid @ModelAttribute("form") PasswordForm form,
                       BindingResult errors, HttpServletRequest request, Model model) {
        if (errors.hasErrors()) {
            model.addAttribute("token", token);
            return "platform/password-new";
        }
        if (!reset.reset(token, form.password(), request.getRemoteAddr(), request.getHeader("User-Agent"))) {
            throw new NotFoundException("Password reset link");
        }
        return "redirect:/login?passwordReset";
    }

    @GetMapping("/email-verification/{token}")
    String verify(@PathVariable String token, HttpServletRequest request, Model model) {
        try {
            String email = emailChange.confirm(token, request.getRemoteAddr(), request.getHeader("User-Agent"))
                    .orElseThrow(() -> new NotFoundException("Email verification link"));
            model.addAttribute("email", email);
        } catch (ErrorResponseException e) {
            model.addAttribute("refusal", problems.refusal(e, "mail"));
        }
        return "platform/email-verified";
    }

    private String invitationPage(String token, Model model) {
        String email = invitations.emailFor(token).orElseThrow(() -> new NotFoundException("Invitation"));
        model.addAttribute("email", email);
        model.addAttribute("token", token);
        return "platform/invitation";
    }
}
