package dev.bodega.inventory.internal;

import dev.bodega.inventory.internal.locations.LocationsPageController;
import dev.bodega.inventory.internal.stock.InventoryPageController;
import dev.bodega.inventory.internal.stock.MovementsPageController;
import dev.bodega.platform.Actor;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** What the inventory pages share: times in the company's time zone. */
@ControllerAdvice(assignableTypes = {InventoryPageController.class, LocationsPageController.class,
        MovementsPageController.class})
class InventoryPageModel {

    private final TenantSettingsService settings;

    InventoryPageModel(TenantSettingsService settings) {
        this.settings = settings;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return Actor.current().map(actor -> settings.current().zoneId()).orElse(ZoneOffset.UTC);
    }
}
