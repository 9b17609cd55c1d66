package dev.bodega.messaging.internal;

import dev.bodega.platform.TenantSettingsService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The company's inbox rules (inbox_settings): automatic assignment, business hours in the company's time zone with
 * an away message, and the satisfaction question asked when a conversation is resolved.
 */
@Component
public class InboxSettings {

    /** {@code businessHours}: day ({@code mon}...{@code sun}) → [["09:00", "18:00"], ...]; empty means always open. */
    public record Settings(boolean autoAssign, Map<String, List<List<String>>> businessHours, String awayMessage,
                           String satisfactionQuestion, long version) {

        static Settings defaults() {
            return new Settings(false, Map.of(), null, null, 0);
        }
    }

    record Row(boolean autoAssign, String businessHours, String awayMessage, String satisfactionQuestion, long version) {
    }

    private final JdbcClient jdbc;
    private final Json json;
    private final TenantSettingsService tenants;

    InboxSettings(JdbcClient jdbc, Json json, TenantSettingsService tenants) {
        this.jdbc = jdbc;
        this.json = json;
        this.tenants = tenants;
    }

    @SuppressWarnings("unchecked")
    public Settings current() {
        return jdbc.sql("""
                        SELECT auto_assign, business_hours::text AS business_hours, away_message, satisfaction_question,
                               version
                        FROM inbox_settings""")
                .query(Row.class).optional()
                .map(r -> new Settings(r.autoAssign(), (Map<String, List<List<String>>>) (Map<?, ?>) json.read(r.businessHours()),
                        r.awayMessage(), r.satisfactionQuestion(), r.version()))
                .orElse(Settings.defaults());
    }

    /** Saves the rules; {@code version} is the one read (0 before the first save); a stale one changes nothing. */
    public boolean save(UUID tenantId, Settings settings, long version) {
        return jdbc.sql("""
                        INSERT INTO inbox_settings (tenant_id, auto_assign, business_hours, away_message,
                                                    satisfaction_question)
                        VALUES (:tenant, :autoAssign, CAST(:hours AS jsonb), :away, :question)
                        ON CONFLICT (tenant_id) DO UPDATE SET auto_assign = EXCLUDED.auto_assign,
                            business_hours = EXCLUDED.business_hours, away_message = EXCLUDED.away_message,
                            satisfaction_question = EXCLUDED.satisfaction_question, updated_at = EXCLUDED.updated_at,
                            version = inbox_settings.version + 1
                        WHERE inbox_settings.version = :version""")
                .param("tenant", tenantId).param("autoAssign", settings.autoAssign())
                .param("hours", json.write(settings.businessHours())).param("away", settings.awayMessage())
                .param("question", settings.satisfactionQuestion()).param("version", version).update() == 1;
    }

    /** Whether {@code at} falls outside the business hours (never, when none are set). */
    boolean isAway(Settings settings, Instant at) {
        return outside(settings.businessHours(), at);
    }

    /** Whether {@code at} falls outside these hours (day → [["09:00", "18:00"], ...]; empty: always open). */
    public boolean outside(Map<String, List<List<String>>> hours, Instant at) {
        if (hours == null || hours.isEmpty()) {
            return false;
        }
        ZonedDateTime local = at.atZone(tenants.current().zoneId());
        List<List<String>> spans = hours.getOrDefault(day(local.getDayOfWeek()), List.of());
        LocalTime time = local.toLocalTime();
        return spans.stream().noneMatch(span -> span.size() == 2
                && !time.isBefore(LocalTime.parse(span.get(0))) && time.isBefore(LocalTime.parse(span.get(1))));
    }

    static String day(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }
}
