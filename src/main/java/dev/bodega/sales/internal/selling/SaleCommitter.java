package dev.bodega.sales.internal.selling;

import dev.bodega.platform.Idempotency;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.sales.internal.SalesProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit of the sales completed at once ({@code POST /api/v1/sales} with {@code complete: true}): each
 * request checks and prices its sale, then waits while a committer takes the sales waiting (at most
 * {@code max-batch}, waiting at most {@code max-wait} for more), writes them per tenant in one transaction
 * ({@link SaleBatch}) and answers each request once that transaction has committed: one WAL flush for many
 * sales, nothing acknowledged before it is durable. A batch that fails as a whole (the database went away)
 * leaves none of its sales and answers each with the retryable problem {@code sale-not-saved}.
 *
 * <p>A tenant's sales always go to the same committer, so its batches never wait on each other. A request
 * whose Idempotency-Key is already waiting gets the first request's answer.
 */
@Component
class SaleCommitter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SaleCommitter.class);

    private record Waiting(SaleBatch.Order order, CompletableFuture<ResponseEntity<?>> answer) {
    }

    private final Sales sales;
    private final SaleBatch batch;
    private final Idempotency idempotency;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final List<BlockingQueue<Waiting>> queues = new ArrayList<>();
    private final List<Thread> committers = new ArrayList<>();
    private final Map<String, Waiting> waitingByKey = new ConcurrentHashMap<>();
    private volatile boolean running;

    SaleCommitter(Sales sales, SaleBatch batch, Idempotency idempotency, TransactionTemplate transactions,
                  @Value("${bodega.sales.group-commit.enabled:true}") boolean enabled,
                  @Value("${bodega.sales.group-commit.committers:4}") int committers,
                  @Value("${bodega.sales.group-commit.max-batch:64}") int maxBatch,
                  @Value("${bodega.sales.group-commit.max-wait-ms:0}") long maxWaitMillis) {
        this.sales = sales;
        this.batch = batch;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.enabled = enabled;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        for (int i = 0; i < committers; i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
    }

    /** Whether sales completed at once go through the group commit (else each is its own transaction, as before). */
    boolean enabled() {
        return enabled;
    }

    /** Completes a new sale through the group commit, as the current user; the answer (or a replay) once durable. */
    ResponseEntity<?> complete(String key, Sales.NewSale sale) {
        UUID tenant = TenantContext.tenantId();
        String hash = key == null || key.isBlank() ? null : idempotency.requestHash(key, sale);
        String waitingKey = hash == null ? null : tenant + "|" + key;
        Waiting first = waitingKey == null ? null : waitingByKey.get(waitingKey);
        if (first != null) {
            return sameAnswer(first, hash);
        }
        record Prepared(Optional<ResponseEntity<?>> replay, SaleCompletion.Direct sale) {
        }
        Prepared prepared = transactions.execute(tx -> {
            Optional<ResponseEntity<?>> replay = hash == null ? Optional.empty()
                    : idempotency.answered(SaleBatch.SCOPE, key, hash);
            return new Prepared(replay, replay.isPresent() ? null : sales.prepare(sale));
        });
        if (prepared.replay().isPresent()) {
            return prepared.replay().get();
        }
        SaleCompletion.Direct direct = prepared.sale();
        Waiting waiting = new Waiting(new SaleBatch.Order(tenant, TenantContext.userId().orElse(null), direct,
                SaleCompletion.settle(direct), hash == null ? null : key, hash), new CompletableFuture<>());
        first = waitingKey == null ? null : waitingByKey.putIfAbsent(waitingKey, waiting);
        if (first != null) {
            return sameAnswer(first, hash);
        }
        queues.get(Math.floorMod(tenant.hashCode(), queues.size())).add(waiting);
        if (!running) {
            answer(List.of(waiting), notSaved());
        }
        return await(waiting);
    }

    /** A retry while the first request with its key still waits: the first one's answer, if the body is the same. */
    private static ResponseEntity<?> sameAnswer(Waiting first, String hash) {
        if (!first.order().hash().equals(hash)) {
            throw Problems.of(PlatformProblem.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request body");
        }
        return await(first);
    }

    private static ResponseEntity<?> await(Waiting waiting) {
        try {
            return waiting.answer().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException refusal ? refusal : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notSaved();
        }
    }

    private void run(BlockingQueue<Waiting> queue) {
        while (running) {
            try {
                commit(take(queue));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Group commit loop failed", e);
            }
        }
    }

    /** The sales waiting: at least one, at most max-batch, waiting at most max-wait for more. */
    private List<Waiting> take(BlockingQueue<Waiting> queue) throws InterruptedException {
        List<Waiting> taken = new ArrayList<>(List.of(queue.take()));
        queue.drainTo(taken, maxBatch - taken.size());
        long deadline = System.nanoTime() + maxWaitNanos;
        while (taken.size() < maxBatch && System.nanoTime() < deadline) {
            Waiting next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next != null) {
                taken.add(next);
                queue.drainTo(taken, maxBatch - taken.size());
            }
        }
        return taken;
    }

    /** One transaction per tenant (row-level security holds one tenant); every sale taken is answered, whatever happens. */
    private void commit(List<Waiting> taken) {
        Map<UUID, List<Waiting>> byTenant = new LinkedHashMap<>();
        taken.forEach(w -> byTenant.computeIfAbsent(w.order().tenantId(), t -> new ArrayList<>()).add(w));
        byTenant.forEach((tenant, waiting) -> {
            try {
                List<SaleBatch.Outcome> outcomes = TenantContext.callAs(TenantContext.Scope.system(tenant),
                        () -> transactions.execute(tx -> batch.write(waiting.stream().map(Waiting::order).toList())));
                answer(tenant, waiting, outcomes);
            } catch (RuntimeException e) {
                log.warn("A group commit of {} sales failed; each is answered sale-not-saved", waiting.size(), e);
                answer(waiting, notSaved());
            }
        });
    }

    private void answer(UUID tenant, List<Waiting> waiting, List<SaleBatch.Outcome> outcomes) {
        for (int i = 0; i < waiting.size(); i++) {
            Waiting w = waiting.get(i);
            SaleBatch.Outcome outcome = outcomes.get(i);
            try {
                if (outcome.refusal() != null) {
                    w.answer().completeExceptionally(outcome.refusal());
                } else {
                    w.answer().complete(outcome.answer() != null ? outcome.answer() : answeredBefore(tenant, w.order()));
                }
            } catch (RuntimeException e) {
                w.answer().completeExceptionally(e);
            } finally {
                forget(w);
            }
        }
    }

    /** The first answer to a key taken by another request while this one waited (committed before the claim). */
    private ResponseEntity<?> answeredBefore(UUID tenant, SaleBatch.Order order) {
        return TenantContext.callAs(TenantContext.Scope.system(tenant), () -> transactions.execute(tx ->
                idempotency.answered(SaleBatch.SCOPE, order.key(), order.hash())).orElseThrow(SaleCommitter::notSaved));
    }

    private void answer(List<Waiting> waiting, ErrorResponseException problem) {
        waiting.forEach(w -> {
            w.answer().completeExceptionally(problem);
            forget(w);
        });
    }

    private void forget(Waiting waiting) {
        if (waiting.order().key() != null) {
            waitingByKey.remove(waiting.order().tenantId() + "|" + waiting.order().key(), waiting);
        }
    }

    private static ErrorResponseException notSaved() {
        ErrorResponseException problem = Problems.of(SalesProblem.SALE_NOT_SAVED,
                "The sale was not saved (the database failed while saving it with others); send it again");
        problem.getHeaders().set("Retry-After", "1");
        return problem;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Waiting> queue = queues.get(i);
            Thread committer = new Thread(() -> run(queue), "sale-committer-" + i);
            committer.setDaemon(true);
            committers.add(committer);
            committer.start();
        }
    }

    /** Stops taking sales; those still waiting are answered sale-not-saved (nothing of theirs was written). */
    @Override
    public void stop() {
        running = false;
        committers.forEach(Thread::interrupt);
        for (Thread committer : committers) {
            try {
                committer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        committers.clear();
        queues.forEach(queue -> {
            List<Waiting> left = new ArrayList<>();
            queue.drainTo(left);
            answer(left, notSaved());
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
