package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Actor;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.NotificationType;
import dev.bodega.platform.internal.notify.NotificationSubscriptions;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.SignedIn;
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
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Optional;

/** My profile: my data, changing my password, my sessions, the notifications I receive. */
@Controller
@SignedIn
class ProfilePageController {

    record PasswordForm(
            @NotBlank(message = "{field.password.required}") String currentPassword,
            @NotBlank(message = "{field.password.required}")
            @Size(min = 8, max = 72, message = "{field.password.length}") String newPassword,
            String confirmPassword) {
    }

    private final MyAccount account;
    private final ProblemMessages problems;
    private final NotificationSubscriptions subscriptions;

    ProfilePageController(MyAccount account, ProblemMessages problems, NotificationSubscriptions subscriptions) {
        this.account = account;
        this.problems = problems;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/profile")
    String profile(HttpServletRequest request, Model model) {
        model.addAttribute("form", new PasswordForm("", "", ""));
        return page(request, model);
    }

    @PostMapping("/profile/password")
    String changePassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult errors,
                          HttpServletRequest request, Model model) {
        if (!errors.hasFieldErrors("newPassword") && !form.newPassword().equals(form.confirmPassword())) {
            errors.rejectValue("confirmPassword", "profile.password.mismatch");
        }
        if (!errors.hasErrors()) {
            try {
                account.changePassword(new MyAccount.PasswordChange(form.currentPassword(), form.newPassword()),
                        CurrentSession.id(request));
                return "redirect:/profile?passwordChanged";
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        return page(request, model);
    }

    @PostMapping("/profile/sessions/{sessionId}/end")
    String endSession(@PathVariable String sessionId) {
        if (!account.endSession(sessionId)) {
            throw new NotFoundException("Session");
        }
        return "redirect:/profile?sessionEnded";
    }

    /** The kinds ticked stay on, every other kind goes off. */
    @PostMapping("/profile/notifications")
    String subscribe(@RequestParam(required = false) List<String> types) {
        List<NotificationType> wanted = types == null ? List.of()
                : types.stream().map(NotificationType::of).flatMap(Optional::stream).toList();
        subscriptions.setSubscribed(Actor.require().userId(), wanted);
        return "redirect:/profile?subscriptionsSaved#my-notifications";
    }

    private String page(HttpServletRequest request, Model model) {
        model.addAttribute("me", account.me());
        model.addAttribute("sessions", account.sessions(CurrentSession.id(request)));
        model.addAttribute("subscriptions", subscriptions.of(Actor.require().userId()));
        return "platform/profile";
    }

    /** A refusal belongs to the password it is about; any other is a message for the whole form. */
    private void reject(ErrorResponseException e, BindingResult errors) {
        String key = problems.refusal(e, "profile");
        if (PlatformProblem.WRONG_PASSWORD.is(e)) {
            errors.rejectValue("currentPassword", key);
        } else if (PlatformProblem.PASSWORD_UNCHANGED.is(e)) {
            errors.rejectValue("newPassword", key);
        } else {
            errors.reject(key);
        }
    }
}
