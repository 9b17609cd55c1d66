package dev.bodega.platform.internal.identity;

import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.SignedIn;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Changing one's own address from the profile: the new one is mailed a link and waits until it is followed. */
@Controller
@SignedIn
class EmailChangePageController {

    private final EmailChange emailChange;
    private final ProblemMessages problems;

    EmailChangePageController(EmailChange emailChange, ProblemMessages problems) {
        this.emailChange = emailChange;
        this.problems = problems;
    }

    @GetMapping("/profile/email")
    String form(Model model) {
        model.addAttribute("form", new EmailChange.Request(""));
        return page(model);
    }

    @PostMapping("/profile/email")
    String change(@Valid @ModelAttribute("form") EmailChange.Request form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                emailChange.request(form);
                return "redirect:/profile/email?sent";
            } catch (ErrorResponseException e) {
                errors.rejectValue("email", problems.refusal(e, "profile"));
            }
        }
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("current", emailChange.current());
        return "platform/email-change";
    }
}
