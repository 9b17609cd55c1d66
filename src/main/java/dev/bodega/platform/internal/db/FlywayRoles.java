package dev.bodega.platform.internal.db;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Migrations grant privileges to the application role, whatever it is called. */
@Component
class FlywayRoles implements FlywayConfigurationCustomizer {

    private final DatabaseEndpoint endpoint;

    FlywayRoles(DatabaseEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
        configuration.placeholders(Map.of("app_role", endpoint.appUser()));
    }
}
