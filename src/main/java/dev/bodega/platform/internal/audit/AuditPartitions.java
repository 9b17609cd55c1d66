package dev.bodega.platform.internal.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

/** Keeps the audit log's monthly partitions three months ahead (db-scheduler, once per cluster per day). */
@Configuration(proxyBeanMethods = false)
class AuditPartitions {

    static final int MONTHS_AHEAD = 3;

    @Bean
    RecurringTask<Void> auditPartitionsTask(JdbcClient jdbc) {
        return Tasks.recurring("audit-log-partitions", FixedDelay.of(Duration.ofHours(24)))
                .execute((instance, context) -> createAhead(jdbc));
    }

    static int createAhead(JdbcClient jdbc) {
        return jdbc.sql("SELECT ensure_audit_partitions(:months)").param("months", MONTHS_AHEAD)
                .query(Integer.class).single();
    }
}
