package dev.bodega.platform.internal.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import dev.bodega.platform.Secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.UUID;

/** {@link Secrets} on one Tink AEAD keyset; the associated data is the tenant id and the purpose. */
final class TinkSecrets implements Secrets {

    private final Path file;
    private volatile Aead aead;
    private volatile KeysetHandle handle;

    /** {@code file} is where the keyset lives, or null when it came from configuration (then it cannot rotate). */
    TinkSecrets(KeysetHandle handle, Path file) {
        this.file = file;
        use(handle);
    }

    @Override
    public byte[] encrypt(UUID tenantId, String purpose, byte[] plaintext) {
        try {
            return aead.encrypt(plaintext, associatedData(tenantId, purpose));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a " + purpose + " secret", e);
        }
    }

    @Override
    public byte[] decrypt(UUID tenantId, String purpose, byte[] ciphertext) {
        try {
            return aead.decrypt(ciphertext, associatedData(tenantId, purpose));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A " + purpose + " secret does not decrypt with this key and company", e);
        }
    }

    @Override
    public byte[] encryptText(UUID tenantId, String purpose, String plaintext) {
        return encrypt(tenantId, purpose, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String decryptText(UUID tenantId, String purpose, byte[] ciphertext) {
        return new String(decrypt(tenantId, purpose, ciphertext), StandardCharsets.UTF_8);
    }

    boolean rotatable() {
        return file != null;
    }

    /** Makes a new primary key, saves the keyset and encrypts with it from now on; returns the new key's id. */
    synchronized int rotate() {
        if (file == null) {
            throw new IllegalStateException("The keyset comes from BODEGA_SECRETS_KEYSET: rotate it there");
        }
        KeysetHandle rotated = Keyset.rotate(handle);
        Keyset.write(file, rotated);
        use(rotated);
        return rotated.getPrimary().getId();
    }

    int primaryKeyId() {
        return handle.getPrimary().getId();
    }

    private void use(KeysetHandle next) {
        try {
            this.aead = next.getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.handle = next;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The secrets keyset holds no AEAD key", e);
        }
    }

    private static byte[] associatedData(UUID tenantId, String purpose) {
        return (tenantId + "/" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
