package dev.bodega.platform.internal.webhooks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.bodega.platform.internal.events.EventsQueued;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the webhooks: right after a transaction that queued business events for an endpoint commits, its company's
 * queue is dispatched and the new deliveries sent (on a small pool, never in the request); every ten seconds a
 * scheduled pass (db-scheduler, one node at a time) picks up what a crash or a retry left due.
 */
@Configuration(proxyBeanMethods = false)
class Worker implements EventsQueued {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private final Dispatcher dispatcher;
    private final Sender sender;
    /** Companies with a pass already waiting: a burst of events needs one pass, not one each. */
    private final Set<UUID> waiting = ConcurrentHashMap.newKeySet();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "webhooks");
        thread.setDaemon(true);
        return thread;
    });

    Worker(Dispatcher dispatcher, Sender sender) {
        this.dispatcher = dispatcher;
        this.sender = sender;
    }

    @Bean
    static AddressPolicy webhookAddressPolicy(@Value("${bodega.webhooks.allow-private:false}") boolean allowPrivate) {
        return new AddressPolicy(allowPrivate);
    }

    @Bean
    RecurringTask<Void> webhooksTask() {
        return Tasks.recurring("webhooks", FixedDelay.of(Duration.ofSeconds(10)))
                .execute((instance, context) -> runDue());
    }

    /** Dispatches every queue and sends every delivery due (the scheduled pass; tests call it too). */
    int runDue() {
        dispatcher.dispatchAll();
        return sender.deliverDue();
    }

    /** Runs in the recording transaction: only its commit starts the pass. */
    @Override
    public void queued(UUID tenant) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (waiting.add(tenant)) {
                    pool.execute(() -> pass(tenant));
                }
            }
        });
    }

    private void pass(UUID tenant) {
        waiting.remove(tenant);
        try {
            dispatcher.dispatch(tenant).forEach(delivery -> sender.deliver(tenant, delivery));
        } catch (RuntimeException e) {
            log.warn("Webhook pass for {} failed; the scheduled pass will retry", tenant, e);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
