package dev.bodega.purchasing.internal;

import dev.bodega.platform.Actor;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** What the purchasing pages share: the company's time zone. */
@ControllerAdvice(assignableTypes = PurchasingPageController.class)
class PurchasingPageModel {

    private final TenantSettingsService settings;

    PurchasingPageModel(TenantSettingsService settings) {
        this.settings = settings;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return Actor.current().map(actor -> settings.current().zoneId()).orElse(ZoneOffset.UTC);
    }
}
