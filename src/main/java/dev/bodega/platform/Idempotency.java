package dev.bodega.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for POSTs that create documents. The key is claimed
 * in the same transaction as the document: a concurrent retry waits on the
 * claim and then gets the stored response; a failed attempt leaves no claim.
 * The same key with another body is a 409. A replay's body is the first
 * response's JSON text, byte for byte (a String body).
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    Idempotency(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /** Runs {@code action} once per (scope, key); without a key, simply runs it. */
    public ResponseEntity<?> run(String scope, String key, Object request, Supplier<ResponseEntity<?>> action) {
        if (key == null || key.isBlank()) {
            return transactions.execute(tx -> action.get());
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw Problems.of(PlatformProblem.IDEMPOTENCY_KEY, "Idempotency-Key is longer than " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(json.writeValueAsString(request));
        return transactions.execute(tx -> claimed(scope, key, hash)
                ? store(scope, key, action.get())
                : replay(scope, key, hash));
    }

    private boolean claimed(String scope, String key, String hash) {
        return jdbc.sql("""
                        INSERT INTO idempotency_keys (tenant_id, scope, key, request_hash)
                        VALUES (:tenant, :scope, :key, :hash) ON CONFLICT DO NOTHING""")
                .param("tenant", TenantContext.tenantId()).param("scope", scope).param("key", key).param("hash", hash)
                .update() == 1;
    }

    /** Stores the response's JSON text and sends that very text: written once, the same bytes as any replay. */
    private ResponseEntity<?> store(String scope, String key, ResponseEntity<?> response) {
        String body = json.writeValueAsString(response.getBody());
        jdbc.sql("UPDATE idempotency_keys SET status = :status, response = CAST(:body AS json) WHERE scope = :scope AND key = :key")
                .param("status", response.getStatusCode().value())
                .param("body", body)
                .param("scope", scope).param("key", key)
                .update();
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private ResponseEntity<?> replay(String scope, String key, String hash) {
        record Stored(String requestHash, int status, String response) {
        }
        Stored stored = jdbc.sql("SELECT request_hash, status, response::text FROM idempotency_keys WHERE scope = :scope AND key = :key")
                .param("scope", scope).param("key", key)
                .query(Stored.class).single();
        if (!stored.requestHash().equals(hash)) {
            throw Problems.of(PlatformProblem.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request body");
        }
        // The stored text as it was sent (a json column keeps it byte for byte), so a replay is identical.
        return ResponseEntity.status(HttpStatus.valueOf(stored.status())).header("Idempotent-Replayed", "true")
                .contentType(MediaType.APPLICATION_JSON).body(stored.response());
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
