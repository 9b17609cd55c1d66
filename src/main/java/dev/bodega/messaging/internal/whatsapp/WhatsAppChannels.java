package dev.bodega.messaging.internal.whatsapp;

import dev.bodega.messaging.internal.ChannelRoutes;
import dev.bodega.messaging.internal.MessagingProblem;
import dev.bodega.platform.Ids;
import dev.bodega.platform.Problems;
import dev.bodega.platform.SecretHolder;
import dev.bodega.platform.Secrets;
import dev.bodega.platform.TenantContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The company's WhatsApp channels ({@code integrations} of type whatsapp): the phone number id in {@code config},
 * the secrets encrypted with {@link Secrets} in {@code credentials}, bound to the company and the channel. A channel
 * routes its phone number id (webhooks) and the hash of its verify token (the handshake) to the company.
 */
@Service
public class WhatsAppChannels implements SecretHolder {

    static final String TYPE = "whatsapp";
    /** The handshake's route: the verify token's SHA-256, never the token itself. */
    static final String VERIFY_ROUTE = "whatsapp_verify";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a channel shows (no secret). */
    public record Channel(UUID id, String name, String status, String phoneNumberId, String displayPhoneNumber,
                          String webhookUrl) {
    }

    /** A channel with its decrypted secrets, for talking to Meta (or, {@code offline}, to the offline Graph API). */
    record Connected(Channel channel, WhatsAppCredentials credentials, boolean offline) {
    }

    /** A new channel; a blank verify token is made up (and shown once, to paste into Meta's dashboard). */
    public record NewChannel(String name, String phoneNumberId, String displayPhoneNumber, String accessToken,
                             String appSecret, String verifyToken) {
    }

    public record Created(Channel channel, String verifyToken) {
    }

    private record Row(UUID id, String name, String status, String phoneNumberId, String displayPhoneNumber,
                       String webhookUrl, byte[] credentials, boolean offline) {
        Channel channel() {
            return new Channel(id, name, status, phoneNumberId, displayPhoneNumber, webhookUrl);
        }
    }

    private static final String SELECT = """
            SELECT id, name, status, config->>'phoneNumberId' AS phone_number_id,
                   config->>'displayPhoneNumber' AS display_phone_number, webhook_url, credentials,
                   coalesce((config->>'offline')::boolean, false) AS offline
            FROM integrations WHERE tenant_id = :tenant AND type = 'whatsapp'""";

    private final JdbcClient jdbc;
    private final Secrets secrets;
    private final ChannelRoutes routes;
    private final String webhookUrl;

    WhatsAppChannels(JdbcClient jdbc, Secrets secrets, ChannelRoutes routes,
                     @Value("${bodega.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.routes = routes;
        this.webhookUrl = baseUrl.replaceAll("/+$", "") + WhatsAppWebhookController.PATH;
    }

    /** Adds a channel to the current company; a name or phone number id already in use is a 409. */
    @Transactional
    public Created create(NewChannel input) {
        return insert(input, false);
    }

    /**
     * Adds a channel that needs no network (the demo company's): the offline Graph API takes its replies and ticks
     * them as a phone would. Its number id and secrets are made up, and kept (encrypted) as any channel's.
     */
    @Transactional
    public Channel createOffline(String name, String displayPhoneNumber) {
        String phoneNumberId = "1" + String.format("%014d", RANDOM.nextLong(100_000_000_000_000L));
        return insert(new NewChannel(name, phoneNumberId, displayPhoneNumber, "offline-" + newToken(), newToken(),
                null), true).channel();
    }

    private Created insert(NewChannel input, boolean offline) {
        UUID tenant = TenantContext.tenantId();
        UUID id = Ids.next();
        String verifyToken = input.verifyToken() == null || input.verifyToken().isBlank() ? newToken()
                : input.verifyToken().trim();
        WhatsAppCredentials credentials = new WhatsAppCredentials(input.accessToken().trim(),
                input.appSecret().trim(), verifyToken);
        String config = JSON.createObjectNode().put("phoneNumberId", input.phoneNumberId().trim())
                .put("displayPhoneNumber", input.displayPhoneNumber() == null ? "" : input.displayPhoneNumber().trim())
                .put("offline", offline).toString();
        try {
            jdbc.sql("""
                            INSERT INTO integrations (tenant_id, id, type, name, status, config, credentials, webhook_url)
                            VALUES (:tenant, :id, 'whatsapp', :name, 'active', CAST(:config AS jsonb), :credentials, :url)""")
                    .param("tenant", tenant).param("id", id).param("name", input.name().trim())
                    .param("config", config).param("credentials", encrypt(tenant, id, credentials))
                    .param("url", webhookUrl).update();
        } catch (DuplicateKeyException e) {
            throw Problems.of(MessagingProblem.NAME_TAKEN, "A channel of this company is already called " + input.name());
        }
        try {
            routes.add(tenant, id, TYPE, input.phoneNumberId().trim());
            routes.add(tenant, id, VERIFY_ROUTE, sha256(verifyToken));
        } catch (DuplicateKeyException e) {
            throw Problems.of(MessagingProblem.WHATSAPP_NUMBER_TAKEN,
                    "The phone number id or the verify token is already used by a channel");
        }
        return new Created(find(id).orElseThrow().channel(), verifyToken);
    }

    /** The current company's WhatsApp channels. */
    @Transactional(readOnly = true)
    public List<Channel> list() {
        return jdbc.sql(SELECT + " ORDER BY name").param("tenant", TenantContext.tenantId()).query(Row.class).list()
                .stream().map(Row::channel).toList();
    }

    /** A channel of the current company with its secrets. */
    @Transactional(readOnly = true)
    Optional<Connected> find(UUID integrationId) {
        UUID tenant = TenantContext.tenantId();
        return jdbc.sql(SELECT + " AND id = :id").param("tenant", tenant).param("id", integrationId)
                .query(Row.class).optional().map(row -> connected(tenant, row));
    }

    /** The current company's first active channel, for a conversation that names none. */
    @Transactional(readOnly = true)
    Optional<Connected> firstActive() {
        UUID tenant = TenantContext.tenantId();
        return jdbc.sql(SELECT + " AND status = 'active' ORDER BY created_at, id LIMIT 1").param("tenant", tenant)
                .query(Row.class).optional().map(row -> connected(tenant, row));
    }

    /** Re-encrypts every channel's credentials of the current company (all channel types keep them the same way). */
    @Override
    public int reencrypt(Secrets with) {
        UUID tenant = TenantContext.tenantId();
        record Stored(UUID id, byte[] credentials) {
        }
        List<Stored> stored = jdbc.sql("""
                        SELECT id, credentials FROM integrations
                        WHERE tenant_id = :tenant AND credentials IS NOT NULL FOR UPDATE""")
                .param("tenant", tenant).query(Stored.class).list();
        for (Stored s : stored) {
            jdbc.sql("UPDATE integrations SET credentials = :credentials WHERE tenant_id = :tenant AND id = :id")
                    .param("credentials", with.reencrypt(tenant, purpose(s.id()), s.credentials()))
                    .param("tenant", tenant).param("id", s.id()).update();
        }
        return stored.size();
    }

    static String sha256(String text) {
        return GraphApiClient.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private Connected connected(UUID tenant, Row row) {
        return new Connected(row.channel(), WhatsAppCredentials.fromJson(
                secrets.decryptText(tenant, purpose(row.id()), row.credentials())), row.offline());
    }

    private byte[] encrypt(UUID tenant, UUID integrationId, WhatsAppCredentials credentials) {
        return secrets.encryptText(tenant, purpose(integrationId), credentials.json());
    }

    /** Bound to the channel too, so one channel's secrets copied onto another do not decrypt. */
    private static String purpose(UUID integrationId) {
        return "integration-credentials/" + integrationId;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
