package dev.bodega.messaging.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds the company of an inbound request before the company is known, by the channel's address: a WhatsApp phone
 * number id, a web chat's public key ({@code channel_routes}, a global lookup of the whole database, V199: only this
 * class writes it, in the transaction that sets up or removes the channel).
 */
@Service
public class ChannelRoutes {

    /** The company and channel an address belongs to. */
    public record Route(UUID tenantId, UUID integrationId) {
    }

    private final JdbcClient jdbc;

    ChannelRoutes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Call with no tenant in context (a webhook); finds nothing for an unknown address. */
    @Transactional(readOnly = true)
    public Optional<Route> find(String channelType, String address) {
        return jdbc.sql("""
                        SELECT tenant AS tenant_id, integration_id FROM channel_routes
                        WHERE channel_type = :type AND address = :address""")
                .param("type", channelType).param("address", address).query(Route.class).optional();
    }

    /** Routes {@code address} to a channel of the current company; an address already routed is a 409. */
    @Transactional
    public void add(UUID tenantId, UUID integrationId, String channelType, String address) {
        jdbc.sql("""
                        INSERT INTO channel_routes (channel_type, address, tenant, integration_id)
                        VALUES (:type, :address, :tenant, :integration)""")
                .param("type", channelType).param("address", address).param("tenant", tenantId)
                .param("integration", integrationId).update();
    }

    @Transactional
    public void remove(UUID tenantId, UUID integrationId) {
        jdbc.sql("DELETE FROM channel_routes WHERE tenant = :tenant AND integration_id = :integration")
                .param("tenant", tenantId).param("integration", integrationId).update();
    }
}
