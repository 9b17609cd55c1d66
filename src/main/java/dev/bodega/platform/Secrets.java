package dev.bodega.platform;

import java.util.UUID;

/**
 * Encrypts values kept at rest (channel tokens, app secrets) with the installation's key (Tink AEAD, AES-256-GCM).
 * A ciphertext is bound to its tenant and purpose: it decrypts only with the same two, so a value copied to another
 * company's row, or used for another purpose, is refused instead of read.
 */
public interface Secrets {

    byte[] encrypt(UUID tenantId, String purpose, byte[] plaintext);

    /** Throws {@link IllegalStateException} when the ciphertext was not made for this tenant and purpose. */
    byte[] decrypt(UUID tenantId, String purpose, byte[] ciphertext);

    byte[] encryptText(UUID tenantId, String purpose, String plaintext);

    String decryptText(UUID tenantId, String purpose, byte[] ciphertext);

    /** The same value encrypted with the current primary key (after a rotation). */
    default byte[] reencrypt(UUID tenantId, String purpose, byte[] ciphertext) {
        return encrypt(tenantId, purpose, decrypt(tenantId, purpose, ciphertext));
    }
}
