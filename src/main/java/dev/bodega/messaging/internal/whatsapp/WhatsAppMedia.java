package dev.bodega.messaging.internal.whatsapp;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.bodega.messaging.internal.MediaFiles;
import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Attachments customers send: queued by the webhook (a media id) in {@code whatsapp_media}, fetched through the
 * Graph API by a scheduled worker and kept in {@code media_files} ({@link MediaFiles}) under the same id, retried with backoff until
 * {@link #MAX_ATTEMPTS}. An attempt claims
 * its row first (a lease), so two workers never fetch one file at once.
 */
@Configuration(proxyBeanMethods = false)
public class WhatsAppMedia {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppMedia.class);
    static final int MAX_ATTEMPTS = 8;
    private static final Duration LEASE = Duration.ofMinutes(5);

    private record Claim(String mediaId, UUID integrationId, int attempts) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WhatsAppChannels channels;
    private final GraphApis graphs;
    private final MediaFiles files;

    WhatsAppMedia(JdbcClient jdbc, TransactionTemplate transactions, WhatsAppChannels channels, GraphApis graphs,
                  MediaFiles files) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.channels = channels;
        this.graphs = graphs;
        this.files = files;
    }

    @Bean
    RecurringTask<Void> whatsappMediaTask() {
        return Tasks.recurring("whatsapp-media", FixedDelay.of(Duration.ofSeconds(10)))
                .execute((instance, context) -> fetchDue());
    }

    /** Queues a file for fetching in the current company (once per channel and media id); returns its row id. */
    UUID queue(UUID integrationId, Webhook.Media media) {
        UUID tenant = TenantContext.tenantId();
        return jdbc.sql("""
                        INSERT INTO whatsapp_media (tenant_id, id, integration_id, media_id, mime_type, filename, sha256)
                        VALUES (:tenant, :id, :integration, :media, :mime, :filename, :sha)
                        ON CONFLICT (tenant_id, integration_id, media_id) DO NOTHING RETURNING id""")
                .param("tenant", tenant).param("id", Ids.next()).param("integration", integrationId)
                .param("media", media.id()).param("mime", media.mimeType()).param("filename", media.filename())
                .param("sha", media.sha256()).query(UUID.class).optional()
                .orElseGet(() -> jdbc.sql("""
                                SELECT id FROM whatsapp_media
                                WHERE tenant_id = :tenant AND integration_id = :integration AND media_id = :media""")
                        .param("tenant", tenant).param("integration", integrationId).param("media", media.id())
                        .query(UUID.class).single());
    }

    /** Fetches every file due, in every company; returns how many arrived. */
    public int fetchDue() {
        List<UUID> tenants = transactions.execute(tx -> jdbc.sql("SELECT whatsapp_media_tenants_due(:max)")
                .param("max", MAX_ATTEMPTS).query(UUID.class).list());
        int fetched = 0;
        for (UUID tenant : tenants) {
            fetched += TenantContext.callAs(TenantContext.Scope.system(tenant), this::fetchDueHere);
        }
        return fetched;
    }

    private int fetchDueHere() {
        UUID tenant = TenantContext.tenantId();
        List<UUID> due = transactions.execute(tx -> jdbc.sql("""
                        SELECT id FROM whatsapp_media
                        WHERE tenant_id = :tenant AND fetched_at IS NULL AND next_attempt_at <= now() AND attempts < :max
                        ORDER BY next_attempt_at LIMIT 50""")
                .param("tenant", tenant).param("max", MAX_ATTEMPTS).query(UUID.class).list());
        int fetched = 0;
        for (UUID id : due) {
            Optional<Claim> claim = claim(tenant, id);
            if (claim.isPresent() && fetch(tenant, id, claim.get())) {
                fetched++;
            }
        }
        return fetched;
    }

    private Optional<Claim> claim(UUID tenant, UUID id) {
        return transactions.execute(tx -> jdbc.sql("""
                        UPDATE whatsapp_media SET attempts = attempts + 1,
                               next_attempt_at = now() + make_interval(secs => :lease)
                        WHERE tenant_id = :tenant AND id = :id AND fetched_at IS NULL AND next_attempt_at <= now()
                          AND attempts < :max
                        RETURNING media_id, integration_id, attempts""")
                .param("lease", LEASE.toSeconds()).param("tenant", tenant).param("id", id)
                .param("max", MAX_ATTEMPTS).query(Claim.class).optional());
    }

    private boolean fetch(UUID tenant, UUID id, Claim claim) {
        try {
            WhatsAppChannels.Connected channel = channels.find(claim.integrationId()).orElseThrow();
            GraphApiClient.Download download = graphs.of(channel).fetchMedia(claim.mediaId(),
                    channel.credentials().accessToken());
            transactions.executeWithoutResult(tx -> keep(tenant, id, download));
            return true;
        } catch (RuntimeException e) {
            boolean retry = !(e instanceof GraphApiException g) || g.retryable();
            log.info("WhatsApp media {} not fetched (attempt {}): {}", claim.mediaId(), claim.attempts(), e.getMessage());
            transactions.executeWithoutResult(tx -> jdbc.sql("""
                            UPDATE whatsapp_media SET last_error = :error,
                                   attempts = CASE WHEN :retry THEN attempts ELSE :max END,
                                   next_attempt_at = now() + make_interval(secs => :backoff)
                            WHERE tenant_id = :tenant AND id = :id""")
                    .param("error", String.valueOf(e.getMessage())).param("retry", retry).param("max", MAX_ATTEMPTS)
                    .param("backoff", backoff(claim.attempts()).toSeconds())
                    .param("tenant", tenant).param("id", id).update());
            return false;
        }
    }

    private void keep(UUID tenant, UUID id, GraphApiClient.Download download) {
        String filename = jdbc.sql("SELECT filename FROM whatsapp_media WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant).param("id", id).query(String.class).optional().orElse(null);
        files.store(tenant, id, download.mimeType(), filename, download.bytes());
        jdbc.sql("""
                        UPDATE whatsapp_media SET mime_type = :mime, fetched_at = now(), last_error = NULL
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("mime", download.mimeType()).param("tenant", tenant).param("id", id).update();
    }

    /** Where the inbox shows a file (served by the inbox, 404 until it has arrived). */
    static String url(UUID id) {
        return "/messaging/media/" + id;
    }

    /** 30 s, 1 min, 2 min... at most an hour. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(3600, 30L << Math.min(attempts - 1, 20)));
    }
}
