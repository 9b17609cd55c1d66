package dev.bodega.messaging.internal.assistants;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Answers owed that no nudge took (a restart, a failed attempt): db-scheduler, once per cluster, every 15 seconds. */
@Configuration(proxyBeanMethods = false)
class AssistantPoll {

    @Bean
    RecurringTask<Void> assistantJobsTask(AssistantWorker worker) {
        return Tasks.recurring("assistant-jobs", FixedDelay.of(Duration.ofSeconds(15)))
                .execute((instance, context) -> worker.runAllDue());
    }
}
