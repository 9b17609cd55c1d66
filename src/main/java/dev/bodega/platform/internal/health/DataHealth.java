package dev.bodega.platform.internal.health;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.bodega.platform.DataCheck;
import dev.bodega.platform.internal.operator.OperatorNotices;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The health of the stored data: every {@link DataCheck} (the ledger, invoice gaps, the outbox backlog), run nightly
 * by db-scheduler (once per cluster), its violations counted in the gauge {@code bodega.data.violations{check}} and
 * in the readiness detail {@code dataChecks}, and told to the operators when any is broken. Between runs the figures
 * are those of the last run (NaN before the first): checking every company on each scrape would cost too much.
 * A broken invariant does not make the server unready: it is for people to repair, and refusing traffic would not.
 */
@Configuration(proxyBeanMethods = false)
public class DataHealth {

    private static final Logger log = LoggerFactory.getLogger(DataHealth.class);

    private final List<DataCheck> checks;
    private final OperatorNotices notices;
    private final MessageSource messages;
    private final Map<String, Double> counts = new ConcurrentHashMap<>();
    private volatile Instant checkedAt;

    DataHealth(List<DataCheck> checks, OperatorNotices notices, MessageSource messages, MeterRegistry registry) {
        this.checks = checks;
        this.notices = notices;
        this.messages = messages;
        for (DataCheck check : checks) {
            counts.put(check.name(), Double.NaN);
            Gauge.builder("bodega.data.violations", counts, c -> c.get(check.name()))
                    .description("Violations of a data invariant found by the last data check")
                    .tag("check", check.name()).register(registry);
        }
    }

    @Bean
    RecurringTask<Void> dataHealthTask(@Value("${bodega.data-check.daily-at:03:00}") String dailyAt) {
        return Tasks.recurring("data-health-check", Schedules.parseSchedule("DAILY|" + dailyAt))
                .execute((instance, context) -> checkAndTell());
    }

    @Bean
    HealthIndicator dataChecks() {
        return () -> {
            Map<String, Object> details = new TreeMap<>();
            counts.forEach((name, count) -> details.put(name, count.isNaN() ? "unchecked" : (Object) count.longValue()));
            details.put("checkedAt", checkedAt == null ? "never" : checkedAt.toString());
            return Health.up().withDetails(details).build();
        };
    }

    /** Runs every check, updates the figures, and tells the operators of any violation; answers them by check. */
    public Map<String, List<String>> checkAndTell() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (DataCheck check : checks) {
            found.put(check.name(), run(check));
        }
        found.forEach((name, violations) -> counts.put(name, (double) violations.size()));
        checkedAt = Instant.now();
        int total = found.values().stream().mapToInt(List::size).sum();
        if (total > 0) {
            notices.tell("data-check", messages.getMessage("operator.dataCheck.title", new Object[] {total},
                    Locale.forLanguageTag("es")), describe(found));
        }
        return found;
    }

    /** A check that cannot run at all is a finding too, not a silent zero. */
    private static List<String> run(DataCheck check) {
        try {
            return check.violations();
        } catch (RuntimeException e) {
            log.error("Data check {} could not run", check.name(), e);
            return List.of("the check could not run: " + e.getMessage());
        }
    }

    private static String describe(Map<String, List<String>> found) {
        return found.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + " (" + e.getValue().size() + "):\n  "
                        + String.join("\n  ", e.getValue().stream().limit(100).toList()))
                .collect(Collectors.joining("\n"));
    }
}
