package dev.bodega.platform.internal.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TinkSecretsTest {

    private static final UUID TENANT = UUID.randomUUID();

    @TempDir
    Path dir;

    @Test
    void aSecretDecryptsOnlyForItsTenantAndPurpose() {
        TinkSecrets secrets = new TinkSecrets(Keyset.generate(), null);
        byte[] ciphertext = secrets.encryptText(TENANT, "whatsapp", "EAAG-token");

        assertThat(new String(ciphertext, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("EAAG-token");
        assertThat(secrets.decryptText(TENANT, "whatsapp", ciphertext)).isEqualTo("EAAG-token");
        assertThatThrownBy(() -> secrets.decryptText(UUID.randomUUID(), "whatsapp", ciphertext))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets.decryptText(TENANT, "telegram", ciphertext))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFirstStartMakesAKeysetFileOnlyItsOwnerReadsAndTheNextStartReadsIt() throws Exception {
        Path file = dir.resolve("data/secrets/keyset.json");
        TinkSecrets first = new TinkSecrets(Keyset.readOrCreate(file), file);
        byte[] ciphertext = first.encryptText(TENANT, "p", "kept");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        TinkSecrets restarted = new TinkSecrets(Keyset.readOrCreate(file), file);
        assertThat(restarted.decryptText(TENANT, "p", ciphertext)).isEqualTo("kept");
    }

    @Test
    void rotationEncryptsWithANewKeyAndStillDecryptsWhatTheOldOneEncrypted() {
        Path file = dir.resolve("keyset.json");
        TinkSecrets secrets = new TinkSecrets(Keyset.readOrCreate(file), file);
        int oldKey = secrets.primaryKeyId();
        byte[] old = secrets.encryptText(TENANT, "p", "value");

        int newKey = secrets.rotate();

        assertThat(newKey).isNotEqualTo(oldKey).isEqualTo(secrets.primaryKeyId());
        assertThat(keyIdOf(old)).isEqualTo(oldKey);
        byte[] reencrypted = secrets.reencrypt(TENANT, "p", old);
        assertThat(keyIdOf(reencrypted)).isEqualTo(newKey);
        TinkSecrets restarted = new TinkSecrets(Keyset.readOrCreate(file), file);
        assertThat(restarted.primaryKeyId()).isEqualTo(newKey);
        assertThat(restarted.decryptText(TENANT, "p", old)).isEqualTo("value");
        assertThat(restarted.decryptText(TENANT, "p", reencrypted)).isEqualTo("value");
    }

    @Test
    void aKeysetFromConfigurationIsUsedAsGivenAndIsNotRotatedHere() {
        var handle = Keyset.generate();
        TinkSecrets configured = new TinkSecrets(Keyset.parse(Keyset.json(handle)), null);
        byte[] ciphertext = new TinkSecrets(handle, null).encryptText(TENANT, "p", "same key");

        assertThat(configured.decryptText(TENANT, "p", ciphertext)).isEqualTo("same key");
        assertThat(configured.rotatable()).isFalse();
        assertThatThrownBy(configured::rotate).hasMessageContaining("BODEGA_SECRETS_KEYSET");
    }

    /** Tink's ciphertext starts with a version byte and the id of the key that made it. */
    private static int keyIdOf(byte[] ciphertext) {
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }
}
