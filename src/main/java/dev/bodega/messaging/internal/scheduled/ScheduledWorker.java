package dev.bodega.messaging.internal.scheduled;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Sends scheduled messages when due (db-scheduler, once per cluster, every 30 seconds). */
@Configuration(proxyBeanMethods = false)
class ScheduledWorker {

    @Bean
    RecurringTask<Void> scheduledMessagesTask(ScheduledMessages scheduled) {
        return Tasks.recurring("scheduled-messages", FixedDelay.of(Duration.ofSeconds(30)))
                .execute((instance, context) -> scheduled.sendDue());
    }
}
