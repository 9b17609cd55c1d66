package dev.bodega.platform;

/**
 * A module that keeps values encrypted with {@link Secrets}. After a key rotation, re-encryption calls every holder
 * once per company, inside that company's context and transaction, so old keys can later be retired.
 */
public interface SecretHolder {

    /** Re-encrypts with {@link Secrets#reencrypt} every value it keeps for the current tenant; returns how many. */
    int reencrypt(Secrets secrets);
}
