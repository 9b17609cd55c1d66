package dev.bodega.platform.internal.identity;

import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.PublicEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import dev.bodega.platform.internal.web.RateLimits;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public sign-up page: a new company and its first admin. */
@Controller
@PublicEndpoint
class SignupController {

    private final SignupService signups;
    private final ProblemMessages problems;
    private final RateLimits limits;

    SignupController(SignupService signups, ProblemMessages problems, RateLimits limits) {
        this.limits = limits;
        this.signups = signups;
        this.problems = problems;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", SignupForm.empty());
        return "platform/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignupForm form, BindingResult errors, HttpServletRequest request,
                  RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "platform/signup";
        }
        try {
            limits.take(RateLimits.Kind.SIGNUP_PER_IP, request.getRemoteAddr());
            signups.signUp(form.toSignup(), request.getRemoteAddr(), request.getHeader("User-Agent"));
        } catch (ErrorResponseException e) {
            errors.rejectValue("slug", problems.refusal(e, "signup"));
            return "platform/signup";
        }
        redirect.addAttribute("signedUp", "");
        redirect.addAttribute("company", form.slug());
        return "redirect:/login";
    }
}
