package dev.bodega.messaging.internal.channels;

import dev.bodega.messaging.internal.ChannelRoutes;
import dev.bodega.messaging.internal.Json;
import dev.bodega.messaging.internal.MessagingProblem;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The company's channels (seed 002 integrations) as the inbox lists them, and web chat channels: each has a public
 * key, routed to the company, that the embedded script names.
 */
@Service
public class Channels {

    private static final SecureRandom RANDOM = new SecureRandom();

    public record ChannelView(UUID id, String type, String name, String status, String publicKey, String errorMessage,
                              Instant createdAt, long version) {
    }

    public record WebChatRequest(@NotBlank(message = "{inbox.channel.name.required}")
                                 @Size(max = 255, message = "{field.too-long}") String name,
                                 @Size(max = 500, message = "{field.too-long}") String greeting) {
    }

    private static final String SELECT = """
            SELECT i.id, i.type, i.name, i.status, r.address AS public_key, i.error_message, i.created_at, i.version
            FROM integrations i
            LEFT JOIN channel_routes r ON r.tenant = i.tenant_id AND r.integration_id = i.id
                                      AND r.channel_type = 'web_chat'""";

    private final JdbcClient jdbc;
    private final ChannelRoutes routes;
    private final Json json;

    Channels(JdbcClient jdbc, ChannelRoutes routes, Json json) {
        this.jdbc = jdbc;
        this.routes = routes;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public List<ChannelView> list() {
        return jdbc.sql(SELECT + " ORDER BY i.type, lower(i.name)").query(ChannelView.class).list();
    }

    @Transactional(readOnly = true)
    public ChannelView get(UUID id) {
        return jdbc.sql(SELECT + " WHERE i.id = :id").param("id", id).query(ChannelView.class).optional()
                .orElseThrow(() -> new NotFoundException("Channel"));
    }

    /** A new active web chat channel with its public key. */
    @Transactional
    public ChannelView createWebChat(WebChatRequest request) {
        UUID id = Ids.next();
        UUID tenant = TenantContext.tenantId();
        try {
            jdbc.sql("""
                            INSERT INTO integrations (tenant_id, id, type, name, status, config)
                            VALUES (:tenant, :id, 'web_chat', :name, 'active', CAST(:config AS jsonb))""")
                    .param("tenant", tenant).param("id", id).param("name", request.name().strip())
                    .param("config", json.write(request.greeting() == null ? Map.of()
                            : Map.of("greeting", request.greeting().strip())))
                    .update();
        } catch (DuplicateKeyException e) {
            throw Problems.of(MessagingProblem.NAME_TAKEN, "A web chat channel with that name exists");
        }
        routes.add(tenant, id, "web_chat", newKey());
        return get(id);
    }

    /** The web chat greeting shown to a visitor before the first message, or null. */
    @Transactional(readOnly = true)
    public String greeting(UUID integrationId) {
        return jdbc.sql("SELECT config ->> 'greeting' FROM integrations WHERE id = :id AND status = 'active'")
                .param("id", integrationId).query(String.class).optional().orElse(null);
    }

    @Transactional(readOnly = true)
    public boolean isActive(UUID integrationId) {
        return jdbc.sql("SELECT EXISTS (SELECT FROM integrations WHERE id = :id AND status = 'active')")
                .param("id", integrationId).query(Boolean.class).single();
    }

    static String newKey() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return "wc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
