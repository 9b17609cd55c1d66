package dev.bodega.inventory.internal;

import dev.bodega.platform.TenantSettingsService;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** What the stock operation pages share: times in the company's zone, and their own words for problems. */
@Component
public class StockOpsPages {

    /** The stock operation pages' own words for a problem are {@code stockops.problem.<slug>}. */
    public static final String AREA = "stockops";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TenantSettingsService settings;

    StockOpsPages(TenantSettingsService settings) {
        this.settings = settings;
    }

    public ZoneId zone() {
        return settings.current().zoneId();
    }

    public static String when(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
