package dev.bodega.insights.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.bodega.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The nightly forecasts (db-scheduler, once per cluster every quarter hour): each company whose local time has
 * passed 02:00 gets its run for the day that closed, once (the run's row is unique per company and day).
 */
@Configuration(proxyBeanMethods = false)
class NightlyForecasts {

    static final LocalTime AFTER = LocalTime.of(2, 0);
    private static final Logger log = LoggerFactory.getLogger(NightlyForecasts.class);

    record Company(UUID id, String timeZone) {
    }

    @Bean
    RecurringTask<Void> nightlyForecastTask(JdbcClient jdbc, TransactionTemplate transactions, Forecasting forecasting) {
        return Tasks.recurring("insights-nightly-forecasts", FixedDelay.of(Duration.ofMinutes(15)))
                .execute((instance, context) -> runDue(jdbc, transactions, forecasting, ZonedDateTime.now()));
    }

    static void runDue(JdbcClient jdbc, TransactionTemplate transactions, Forecasting forecasting, ZonedDateTime now) {
        List<Company> companies = transactions.execute(tx -> jdbc.sql("SELECT id, time_zone FROM insights_companies()")
                .query(Company.class).list());
        for (Company c : companies) {
            ZonedDateTime local = now.withZoneSameInstant(ZoneId.of(c.timeZone()));
            if (local.toLocalTime().isBefore(AFTER)) {
                continue;
            }
            try {
                TenantContext.runAs(TenantContext.Scope.system(c.id()),
                        () -> forecasting.nightly(local.toLocalDate().minusDays(1)));
            } catch (RuntimeException e) {
                log.error("Nightly forecast failed for company {}", c.id(), e);
            }
        }
    }
}
