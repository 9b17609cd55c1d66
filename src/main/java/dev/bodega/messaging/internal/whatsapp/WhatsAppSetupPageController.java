package dev.bodega.messaging.internal.whatsapp;

import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Setting up WhatsApp: the company's channels with the webhook URL to give Meta, and a form for a new one whose
 * verify token is shown once. Secrets typed here are stored encrypted and never shown again.
 */
@Controller
@RequestMapping("/messaging/whatsapp")
@RequiresPermission(WhatsAppSetupPageController.PERMISSION)
class WhatsAppSetupPageController {

    static final String PERMISSION = "messaging.manage";

    private final WhatsAppChannels channels;
    private final ProblemMessages problems;
    private final boolean demo;

    WhatsAppSetupPageController(WhatsAppChannels channels, ProblemMessages problems,
                                @Value("${bodega.demo.enabled}") boolean demo) {
        this.channels = channels;
        this.problems = problems;
        this.demo = demo;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("form", WhatsAppChannelForm.empty());
        return page(model, null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") WhatsAppChannelForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return page(model, null);
        }
        try {
            WhatsAppChannels.Created created = channels.create(form.toNew());
            model.addAttribute("form", WhatsAppChannelForm.empty());
            return page(model, created);
        } catch (ErrorResponseException problem) {
            errors.reject(problems.refusal(problem, "whatsapp"));
            return page(model, null);
        }
    }

    private String page(Model model, WhatsAppChannels.Created created) {
        model.addAttribute("channels", channels.list());
        model.addAttribute("created", created);
        model.addAttribute("demo", demo);
        return "messaging/whatsapp-setup";
    }
}
