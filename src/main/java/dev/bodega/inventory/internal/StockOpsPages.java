package dev.bodega.inventory.internal;

import dev.bodega.platform.TenantSettingsService;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** What the stock operation pages share: times in the company's zone, and problems as bundle keys. */
@Component
class StockOpsPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Problems a page shows as a message rather than an error page: type → bundle key. */
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("insufficient-stock", "stockops.error.insufficientStock"),
            Map.entry("quantity-decimals", "stockops.error.quantityDecimals"),
            Map.entry("quantity-range", "stockops.error.quantityRange"),
            Map.entry("location-not-allowed", "stockops.error.locationNotAllowed"),
            Map.entry("unknown-item", "stockops.error.unknownItem"),
            Map.entry("inactive-item", "stockops.error.inactiveItem"),
            Map.entry("unknown-location", "stockops.error.unknownLocation"),
            Map.entry("inactive-location", "stockops.error.inactiveLocation"),
            Map.entry("zero-quantity", "stockops.error.zeroQuantity"),
            Map.entry("empty-adjustment", "stockops.error.noLines"),
            Map.entry("self-approval", "stockops.error.selfApproval"),
            Map.entry("already-decided", "stockops.error.alreadyDecided"),
            Map.entry("reason-required", "stockops.error.rejectReasonRequired"),
            Map.entry("empty-file", "stockops.import.error.emptyFile"),
            Map.entry("unknown-mode", "stockops.import.error.mode"));

    private final TenantSettingsService settings;

    StockOpsPages(TenantSettingsService settings) {
        this.settings = settings;
    }

    ZoneId zone() {
        return settings.current().zoneId();
    }

    static String when(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    /** The bundle key for a problem a page can explain; rethrows any other. */
    static String messageKey(ErrorResponseException e) {
        String key = MESSAGES.get(type(e));
        if (key == null) {
            throw e;
        }
        return key;
    }

    static String type(ErrorResponseException e) {
        URI type = e.getBody().getType();
        String path = type == null ? "" : type.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
