package dev.bodega.platform.internal.webhooks;

import dev.bodega.platform.Notifications;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sends deliveries. An attempt first claims its row (pushes its next attempt a lease ahead), so two workers never
 * send one delivery at once; it checks the address again, signs the body afresh (Standard Webhooks), and logs what it
 * sent and got. A 2xx answer succeeds; anything else is retried with exponential backoff up to the endpoint's
 * retries, after which the delivery fails, the endpoint is switched off and its owner notified.
 */
@Component
class Sender {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int KEEP_CHARS = 2000;

    record Claim(UUID endpointId, String url, int attempts, int maxRetries, int timeoutSeconds, UUID eventId,
                 String body, byte[] secret, byte[] previousSecret, Instant previousSecretUntil, UUID createdBy) {
    }

    record Outcome(Integer status, String responseHeaders, String responseBody, String error, long millis) {
        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Endpoints endpoints;
    private final AddressPolicy addresses;
    private final Notifications notifications;
    private final TenantSettingsService settings;
    private final MessageSource messages;
    private final Duration firstRetry;
    private final PinnedHttp http = new PinnedHttp();

    Sender(JdbcClient jdbc, TransactionTemplate transactions, Endpoints endpoints, AddressPolicy addresses,
           Notifications notifications, TenantSettingsService settings, MessageSource messages,
           @Value("${bodega.webhooks.first-retry-after:30s}") Duration firstRetry) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.endpoints = endpoints;
        this.addresses = addresses;
        this.notifications = notifications;
        this.settings = settings;
        this.messages = messages;
        this.firstRetry = firstRetry;
    }

    /** Every delivery due now, in every company; returns how many were tried. */
    int deliverDue() {
        int tried = 0;
        for (UUID tenant : jdbc.sql("SELECT webhook_deliveries_tenants_due()").query(UUID.class).list()) {
            List<UUID> due = TenantContext.callAs(TenantContext.Scope.system(tenant), () -> transactions.execute(tx ->
                    jdbc.sql("""
                                    SELECT id FROM webhook_deliveries
                                    WHERE tenant_id = :tenant AND status = 'pending' AND next_attempt_at <= now()
                                    ORDER BY next_attempt_at LIMIT 100""")
                            .param("tenant", tenant).query(UUID.class).list()));
            for (UUID delivery : due) {
                deliver(tenant, delivery);
                tried++;
            }
        }
        return tried;
    }

    /** One attempt at one delivery, if it is due, its endpoint active, and no one else holds it. */
    void deliver(UUID tenant, UUID delivery) {
        TenantContext.runAs(TenantContext.Scope.system(tenant), () -> claim(tenant, delivery).ifPresent(claim -> {
            Map<String, String> headers = headers(tenant, delivery, claim);
            Outcome outcome = send(claim, headers);
            transactions.executeWithoutResult(tx -> record(tenant, delivery, claim, headers, outcome));
        }));
    }

    private Optional<Claim> claim(UUID tenant, UUID delivery) {
        return transactions.execute(tx -> jdbc.sql("""
                        UPDATE webhook_deliveries d SET attempts = d.attempts + 1,
                               next_attempt_at = now() + make_interval(secs => :lease)
                        FROM webhook_endpoints e
                        WHERE d.tenant_id = :tenant AND d.id = :id AND d.status = 'pending'
                          AND d.next_attempt_at <= now() AND e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
                          AND e.active
                        RETURNING e.id AS endpoint_id, e.url, d.attempts, e.max_retries, e.timeout_seconds, d.event_id,
                                  d.body, e.secret, e.previous_secret, e.previous_secret_until, e.created_by""")
                .param("lease", LEASE.toSeconds()).param("tenant", tenant).param("id", delivery)
                .query(Claim.class).optional());
    }

    /** The webhook-id is the event's, the same on every attempt and replay, so a receiver can drop repeats. */
    private Map<String, String> headers(UUID tenant, UUID delivery, Claim claim) {
        String id = "evt_" + claim.eventId();
        long timestamp = Instant.now().getEpochSecond();
        String signatures = endpoints.signingSecrets(tenant, claim.secret(), claim.previousSecret(),
                        claim.previousSecretUntil()).stream()
                .map(secret -> Signatures.sign(secret, id, timestamp, claim.body())).collect(Collectors.joining(" "));
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", "Bodega-Webhooks/1");
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signatures);
        return headers;
    }

    private Outcome send(Claim claim, Map<String, String> headers) {
        long start = System.nanoTime();
        try {
            PinnedHttp.Reply reply = http.post(addresses.target(claim.url()), headers, claim.body(),
                    Duration.ofSeconds(claim.timeoutSeconds()), KEEP_CHARS * 4L);
            return new Outcome(reply.status(), cut(reply.headers()), cut(reply.body()), null, millis(start));
        } catch (InterruptedIOException e) {
            return new Outcome(null, null, null, "Timed out after " + claim.timeoutSeconds() + " s", millis(start));
        } catch (Exception e) {
            log.debug("Webhook to {} failed", claim.url(), e);
            return new Outcome(null, null, null, cut(e.getMessage() == null ? e.toString() : e.getMessage()),
                    millis(start));
        }
    }

    private void record(UUID tenant, UUID delivery, Claim claim, Map<String, String> headers, Outcome outcome) {
        String sent = headers.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
        jdbc.sql("""
                        INSERT INTO webhook_attempts (tenant_id, delivery_id, attempt, request_headers, response_status,
                                                      response_headers, response_body, error, duration_ms)
                        VALUES (:tenant, :delivery, :attempt, :sent, :status, :headers, :body, :error, :millis)""")
                .param("tenant", tenant).param("delivery", delivery).param("attempt", claim.attempts())
                .param("sent", sent).param("status", outcome.status()).param("headers", outcome.responseHeaders())
                .param("body", outcome.responseBody()).param("error", outcome.error())
                .param("millis", (int) Math.min(Integer.MAX_VALUE, outcome.millis())).update();
        boolean last = !outcome.succeeded() && claim.attempts() > claim.maxRetries();
        String status = outcome.succeeded() ? "succeeded" : last ? "failed" : "pending";
        jdbc.sql("""
                        UPDATE webhook_deliveries SET status = :status, response_status = :code,
                               next_attempt_at = now() + make_interval(secs => :backoff),
                               finished_at = CASE WHEN :status = 'pending' THEN NULL ELSE now() END
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("status", status).param("code", outcome.status())
                .param("backoff", backoff(claim.attempts()).toMillis() / 1000.0).param("tenant", tenant)
                .param("id", delivery).update();
        jdbc.sql("""
                        UPDATE webhook_endpoints SET last_delivery_at = now(),
                               success_count = success_count + CASE WHEN :ok THEN 1 ELSE 0 END,
                               failure_count = failure_count + CASE WHEN :ok THEN 0 ELSE 1 END
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("ok", outcome.succeeded()).param("tenant", tenant).param("id", claim.endpointId()).update();
        if (last) {
            disable(tenant, claim, outcome);
        }
    }

    /** Backoff after attempt n: the first retry delay times 4^(n-1) (30 s, 2 min, 8 min... by default), at most 6 h. */
    Duration backoff(int attempts) {
        long factor = 1L << (2 * Math.min(attempts - 1, 10));
        return firstRetry.multipliedBy(factor).compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6)
                : firstRetry.multipliedBy(factor);
    }

    private void disable(UUID tenant, Claim claim, Outcome outcome) {
        String reason = outcome.status() != null ? "HTTP " + outcome.status() : outcome.error();
        int changed = jdbc.sql("""
                        UPDATE webhook_endpoints SET active = false, disabled_reason = :reason, updated_at = now(),
                               version = version + 1
                        WHERE tenant_id = :tenant AND id = :id AND active""")
                .param("reason", cut(reason)).param("tenant", tenant).param("id", claim.endpointId()).update();
        if (changed == 0) {
            return;
        }
        Locale locale = settings.current().language();
        List<String> args = List.of(claim.url(), String.valueOf(reason));
        String title = messages.getMessage(TITLE, null, locale);
        String message = messages.getMessage(MESSAGE, args.toArray(), locale);
        for (UUID user : owners(claim.createdBy())) {
            notifications.send(new Notifications.Notice(user, title, message, "alert", "high",
                    "/settings/webhooks/" + claim.endpointId(), TITLE, MESSAGE, args));
        }
    }

    static final String TITLE = "notification.webhook.disabled.title";
    static final String MESSAGE = "notification.webhook.disabled.message";

    /** Who made the endpoint while still able to manage it; else everyone who may. */
    private List<UUID> owners(UUID createdBy) {
        List<UUID> managers = notifications.holdersOf("webhooks.manage");
        return createdBy != null && managers.contains(createdBy) ? List.of(createdBy) : managers;
    }

    private static String cut(String text) {
        return text == null || text.length() <= KEEP_CHARS ? text : text.substring(0, KEEP_CHARS) + "…";
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
