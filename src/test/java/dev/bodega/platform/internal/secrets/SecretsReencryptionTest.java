package dev.bodega.platform.internal.secrets;

import dev.bodega.platform.SecretHolder;
import dev.bodega.platform.TenantContext;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class SecretsReencryptionTest {

    @Autowired
    TestFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path dir;

    /** A module's stored secrets, one per company, re-encrypted in the company it belongs to. */
    static final class Holder implements SecretHolder {
        final Map<UUID, byte[]> stored = new ConcurrentHashMap<>();

        @Override
        public int reencrypt(dev.bodega.platform.Secrets secrets) {
            UUID tenant = TenantContext.tenantId();
            byte[] value = stored.get(tenant);
            if (value == null) {
                return 0;
            }
            stored.put(tenant, secrets.reencrypt(tenant, "test", value));
            return 1;
        }
    }

    @Test
    void afterARotationEveryCompanysSecretIsEncryptedWithTheNewKey() {
        var a = fixtures.tenant();
        var b = fixtures.tenant();
        Path file = dir.resolve("keyset.json");
        TinkSecrets secrets = new TinkSecrets(Keyset.readOrCreate(file), file);
        Holder holder = new Holder();
        holder.stored.put(a.id(), secrets.encryptText(a.id(), "test", "token a"));
        holder.stored.put(b.id(), secrets.encryptText(b.id(), "test", "token b"));

        int newKey = secrets.rotate();
        int count = new SecretsReencryption(jdbc, transactions, secrets, List.of(holder)).reencryptAll();

        assertThat(count).isEqualTo(2);
        assertThat(keyIdOf(holder.stored.get(a.id()))).isEqualTo(newKey);
        assertThat(keyIdOf(holder.stored.get(b.id()))).isEqualTo(newKey);
        assertThat(secrets.decryptText(a.id(), "test", holder.stored.get(a.id()))).isEqualTo("token a");
        assertThat(secrets.decryptText(b.id(), "test", holder.stored.get(b.id()))).isEqualTo("token b");
    }

    private static int keyIdOf(byte[] ciphertext) {
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }
}
