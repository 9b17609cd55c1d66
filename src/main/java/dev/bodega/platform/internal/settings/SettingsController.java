package dev.bodega.platform.internal.settings;

import dev.bodega.platform.Actor;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantSettings;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.ZoneId;
import java.util.List;

/** The settings page: editable company settings, and the plan and limits for reference. */
@Controller
class SettingsController {

    static final String FORM = "settingsForm";
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .sorted().toList();

    private final SettingsStore settings;

    SettingsController(SettingsStore settings) {
        this.settings = settings;
    }

    @GetMapping("/settings")
    @RequiresPermission("settings.read")
    String show(Model model) {
        TenantSettings current = settings.current();
        model.addAttribute(FORM, SettingsChange.of(current));
        return page(model, current, current.version());
    }

    @PostMapping("/settings")
    @RequiresPermission("settings.write")
    String save(@Valid @ModelAttribute(FORM) SettingsChange form, BindingResult errors,
                @RequestParam(defaultValue = "-1") long version, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(model, settings.current(), version);
        }
        try {
            settings.update(form, version);
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() != 409) {
                throw e;
            }
            // Someone saved in between: show what is stored now rather than overwrite it blindly.
            TenantSettings current = settings.current();
            model.addAttribute(FORM, SettingsChange.of(current));
            model.addAttribute("stale", true);
            return page(model, current, current.version());
        }
        redirect.addAttribute("saved", "");
        return "redirect:/settings";
    }

    private static String page(Model model, TenantSettings current, long version) {
        model.addAttribute("settings", current);
        model.addAttribute("version", version);
        model.addAttribute("zones", ZONES);
        model.addAttribute("canWrite", Actor.current().map(a -> a.can("settings.write")).orElse(false));
        return "platform/settings";
    }
}
