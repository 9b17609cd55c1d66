package dev.bodega.platform.internal.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the key comes from: {@code keyset} (a Tink JSON keyset, from BODEGA_SECRETS_KEYSET), else the file
 * {@code keysetFile} (BODEGA_SECRETS_KEYSET_FILE), else {@code secrets/keyset.json} in the data directory, made on
 * the first start.
 */
@ConfigurationProperties("bodega.secrets")
record SecretsProperties(String keyset, Path keysetFile) {

    boolean inline() {
        return keyset != null && !keyset.isBlank();
    }

    boolean fileConfigured() {
        return keysetFile != null && !keysetFile.toString().isBlank();
    }

    Path fileOr(Path dataDir) {
        return fileConfigured() ? keysetFile : dataDir.resolve("secrets").resolve("keyset.json");
    }
}
