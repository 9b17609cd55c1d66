package dev.bodega.platform.internal.identity;

import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.PublicEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public page behind a company's join link: a person asks to join, then waits for an admin. */
@Controller
@PublicEndpoint
class JoinController {

    record JoinForm(
            @NotBlank(message = "{signup.name.required}") @Size(max = 200, message = "{field.too-long}") String name,
            @NotBlank(message = "{signup.email.required}") @Email(message = "{field.email.invalid}")
            @Size(max = 254, message = "{field.too-long}") String email,
            @NotBlank(message = "{field.password.required}")
            @Size(min = 8, max = 72, message = "{field.password.length}") String password) {
    }

    private final Joining joining;
    private final ProblemMessages problems;

    JoinController(Joining joining, ProblemMessages problems) {
        this.joining = joining;
        this.problems = problems;
    }

    @GetMapping("/join/{token}")
    String form(@PathVariable String token, Model model) {
        model.addAttribute("form", new JoinForm("", "", ""));
        return page(token, model);
    }

    @PostMapping("/join/{token}")
    String join(@PathVariable String token, @Valid @ModelAttribute("form") JoinForm form, BindingResult errors,
                HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                joining.join(token, new Joining.Request(form.name(), form.email(), form.password()),
                        request.getRemoteAddr(), request.getHeader("User-Agent"));
                redirect.addAttribute("joinRequested", "");
                redirect.addAttribute("company", joining.company(token).orElseThrow().slug());
                return "redirect:/login";
            } catch (ErrorResponseException e) {
                errors.rejectValue("email", problems.refusal(e, "join"));
            }
        }
        return page(token, model);
    }

    private String page(String token, Model model) {
        Tenants.TenantRef company = joining.company(token).orElseThrow(() -> new NotFoundException("Join link"));
        model.addAttribute("companyName", company.name());
        model.addAttribute("token", token);
        return "platform/join";
    }
}
