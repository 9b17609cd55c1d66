package dev.bodega.messaging.internal.whatsapp;

import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/** In demo mode only: a page that plays a customer's phone, writing to one of the company's WhatsApp channels. */
@Controller
@RequestMapping("/messaging/whatsapp/simulator")
@RequiresPermission(WhatsAppSetupPageController.PERMISSION)
class WhatsAppSimulatorPageController {

    record PhoneForm(@NotNull UUID channelId, @NotBlank @Pattern(regexp = "\\d{6,20}") String from,
                     @Size(max = 100) String name, @NotBlank @Size(max = 4096) String text) {
        static PhoneForm empty() {
            return new PhoneForm(null, "5215512345678", "Cliente de prueba", "");
        }
    }

    private final WhatsAppChannels channels;
    private final WhatsAppSimulator simulator;
    private final boolean demo;

    WhatsAppSimulatorPageController(WhatsAppChannels channels, WhatsAppSimulator simulator,
                                    @Value("${bodega.demo.enabled}") boolean demo) {
        this.channels = channels;
        this.simulator = simulator;
        this.demo = demo;
    }

    @GetMapping
    String page(Model model) {
        requireDemo();
        model.addAttribute("form", PhoneForm.empty());
        return render(model);
    }

    @PostMapping
    String send(@Valid @ModelAttribute("form") PhoneForm form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        requireDemo();
        if (errors.hasErrors()) {
            return render(model);
        }
        if (channels.find(form.channelId()).isEmpty()) {
            throw new NotFoundException("WhatsApp channel");
        }
        WhatsAppWebhooks.Outcome outcome = simulator.send(form.channelId(), form.from(),
                form.name() == null || form.name().isBlank() ? form.from() : form.name().trim(), form.text());
        // Plain strings: flash attributes live in the (serialized) session.
        redirect.addFlashAttribute("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        redirect.addFlashAttribute("lastChannel", form.channelId().toString());
        redirect.addFlashAttribute("lastFrom", form.from());
        redirect.addFlashAttribute("lastName", form.name() == null ? "" : form.name());
        return "redirect:/messaging/whatsapp/simulator";
    }

    private String render(Model model) {
        if (model.getAttribute("lastChannel") instanceof String channel) {
            model.addAttribute("form", new PhoneForm(UUID.fromString(channel), (String) model.getAttribute("lastFrom"),
                    (String) model.getAttribute("lastName"), ""));
        }
        model.addAttribute("channels", channels.list());
        return "messaging/whatsapp-simulator";
    }

    private void requireDemo() {
        if (!demo) {
            throw new NotFoundException("Page");
        }
    }
}
