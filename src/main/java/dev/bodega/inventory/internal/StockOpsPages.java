package dev.bodega.inventory.internal;

import dev.bodega.platform.Formats;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;

/** What the stock operation pages share: times in the company's zone, and their own words for problems. */
@Component
public class StockOpsPages {

    /** The stock operation pages' own words for a problem are {@code stockops.problem.<slug>}. */
    public static final String AREA = "stockops";

    private final TenantSettingsService settings;

    StockOpsPages(TenantSettingsService settings) {
        this.settings = settings;
    }

    public ZoneId zone() {
        return settings.current().zoneId();
    }

    /** A moment as the page's language writes it. */
    public static String when(Instant instant, ZoneId zone) {
        return Formats.of(LocaleContextHolder.getLocale(), zone).dateTime(instant);
    }
}
