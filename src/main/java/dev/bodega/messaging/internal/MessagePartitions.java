package dev.bodega.messaging.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

/**
 * The inbox's recurring jobs (db-scheduler, once per cluster): messages' monthly partitions three months ahead, and
 * the outbox's retries.
 */
@Configuration(proxyBeanMethods = false)
class MessagePartitions {

    static final int MONTHS_AHEAD = 3;

    @Bean
    RecurringTask<Void> messagePartitionsTask(JdbcClient jdbc) {
        return Tasks.recurring("message-partitions", FixedDelay.of(Duration.ofHours(24)))
                .execute((instance, context) -> createAhead(jdbc));
    }

    @Bean
    RecurringTask<Void> messageOutboxTask(MessageOutbox outbox) {
        return Tasks.recurring("message-outbox", FixedDelay.of(Duration.ofSeconds(10)))
                .execute((instance, context) -> outbox.deliverDue());
    }

    static int createAhead(JdbcClient jdbc) {
        return jdbc.sql("SELECT ensure_message_partitions(:months)").param("months", MONTHS_AHEAD)
                .query(Integer.class).single();
    }
}
