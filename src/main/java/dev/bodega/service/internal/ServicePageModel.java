package dev.bodega.service.internal;

import dev.bodega.platform.Actor;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** What the service pages share: the company's time zone. */
@ControllerAdvice(assignableTypes = {TechnicianPageController.class, WarrantyPageController.class})
class ServicePageModel {

    private final TenantSettingsService settings;

    ServicePageModel(TenantSettingsService settings) {
        this.settings = settings;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return Actor.current().map(actor -> settings.current().zoneId()).orElse(ZoneOffset.UTC);
    }
}
