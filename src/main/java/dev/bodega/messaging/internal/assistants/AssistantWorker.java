package dev.bodega.messaging.internal.assistants;

import dev.bodega.platform.TenantContext;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Answers the jobs due, one at a time per claim: a job is claimed (locked for a few minutes, three attempts at
 * most), prepared and finished in transactions of the conversation's company, and the model is called between them,
 * outside any transaction. Told after each inbound commit ({@link #nudge}); a recurring poll picks up what a restart
 * left.
 */
@Component
class AssistantWorker {

    private static final Logger log = LoggerFactory.getLogger(AssistantWorker.class);

    record Job(UUID messageId, UUID conversationId, UUID assistantId) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AssistantTurns turns;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "assistant-worker");
        thread.setDaemon(true);
        return thread;
    });

    AssistantWorker(JdbcClient jdbc, TransactionTemplate transactions, AssistantTurns turns) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.turns = turns;
    }

    void nudge(UUID tenantId, int delaySeconds) {
        executor.schedule(() -> runDue(tenantId), delaySeconds, TimeUnit.SECONDS);
    }

    /** Every company with answers due (the recurring poll). */
    void runAllDue() {
        jdbc.sql("SELECT messaging_assistant_tenants_due()").query(UUID.class).list().forEach(this::runDue);
    }

    /** Answers the company's jobs due; returns how many were taken. */
    int runDue(UUID tenantId) {
        int taken = 0;
        for (Optional<Job> job = claim(tenantId); job.isPresent(); job = claim(tenantId)) {
            try {
                turns.take(tenantId, job.get());
            } catch (RuntimeException e) {
                log.warn("Assistant job {} of {} failed (tried again later): {}", job.get().messageId(), tenantId, e.toString());
            }
            taken++;
        }
        return taken;
    }

    private Optional<Job> claim(UUID tenantId) {
        return TenantContext.callAs(TenantContext.Scope.system(tenantId), () -> transactions.execute(s -> jdbc.sql("""
                        UPDATE assistant_jobs SET locked_until = now() + interval '3 minutes', attempts = attempts + 1
                        WHERE tenant_id = :tenant AND message_id = (
                            SELECT message_id FROM assistant_jobs
                            WHERE tenant_id = :tenant AND done_at IS NULL AND due_at <= now() AND attempts < 3
                              AND (locked_until IS NULL OR locked_until < now())
                            ORDER BY due_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING message_id, conversation_id, assistant_id""")
                .param("tenant", tenantId).query(Job.class).optional()));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
