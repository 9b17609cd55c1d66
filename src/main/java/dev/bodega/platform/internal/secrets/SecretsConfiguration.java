package dev.bodega.platform.internal.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** The installation's secrets key, from configuration or from a keyset file made on the first start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsProperties.class)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    TinkSecrets secrets(SecretsProperties properties, @Value("${bodega.db.data-dir}") Path dataDir,
                        @Value("${bodega.db.url:}") String externalDatabase) {
        if (properties.inline()) {
            return new TinkSecrets(Keyset.parse(properties.keyset()), null);
        }
        Path file = properties.fileOr(dataDir);
        if (!externalDatabase.isBlank() && !properties.fileConfigured()) {
            // Every server of one database needs the same key: a file made by one of them is not shared.
            log.warn("No BODEGA_SECRETS_KEYSET or BODEGA_SECRETS_KEYSET_FILE with an external database; using {}",
                    file.toAbsolutePath());
        }
        return new TinkSecrets(Keyset.readOrCreate(file), file);
    }
}
