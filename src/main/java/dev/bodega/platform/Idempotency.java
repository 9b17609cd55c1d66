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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        String hash = requestHash(key, request);
        return transactions.execute(tx -> claimed(scope, key, hash)
                ? store(scope, key, action.get())
                : replay(scope, key, hash));
    }

    /** The request's fingerprint, kept with its key; refuses a key too long to keep. */
    public String requestHash(String key, Object request) {
        if (key.length() > MAX_KEY_LENGTH) {
            throw Problems.of(PlatformProblem.IDEMPOTENCY_KEY, "Idempotency-Key is longer than " + MAX_KEY_LENGTH + " characters");
        }
        return hash(json.writeValueAsString(request));
    }

    /*
     * For a caller that answers many requests from one transaction of its own (the sales' group commit): the
     * same rules as run(), in three steps. Look for a first answer; claim the keys of the requests about to be
     * answered, in the transaction that writes their documents; store each answer there.
     */

    /** The first answer to (scope, key) when one was committed (a 409 when the body differs), else empty. */
    public Optional<ResponseEntity<?>> answered(String scope, String key, String hash) {
        boolean exists = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM idempotency_keys
                                       WHERE tenant_id = :tenant AND scope = :scope AND key = :key AND status IS NOT NULL)""")
                .param("tenant", TenantContext.tenantId()).param("scope", scope).param("key", key)
                .query(Boolean.class).single();
        return exists ? Optional.of(replay(scope, key, hash)) : Optional.empty();
    }

    /** Claims the keys (key → request hash) in the current transaction; returns those claimed now (the rest were taken). */
    public Set<String> claimEach(String scope, Map<String, String> hashes) {
        return Set.copyOf(jdbc.sql("""
                        INSERT INTO idempotency_keys (tenant_id, scope, key, request_hash)
                        SELECT :tenant, :scope, k.key, k.hash
                        FROM unnest(CAST(:keys AS text[]), CAST(:hashes AS text[])) AS k(key, hash)
                        ON CONFLICT DO NOTHING RETURNING key""")
                .param("tenant", TenantContext.tenantId()).param("scope", scope)
                .param("keys", hashes.keySet().toArray(String[]::new))
                .param("hashes", hashes.values().toArray(String[]::new))
                .query(String.class).list());
    }

    /** Stores each claimed key's answer (key → response) and returns the answers as sent: the JSON text kept. */
    public Map<String, ResponseEntity<?>> storeEach(String scope, Map<String, ResponseEntity<?>> responses) {
        Map<String, ResponseEntity<?>> sent = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(), statuses = new ArrayList<>(), bodies = new ArrayList<>();
        responses.forEach((key, response) -> {
            String body = json.writeValueAsString(response.getBody());
            keys.add(key);
            statuses.add(String.valueOf(response.getStatusCode().value()));
            bodies.add(body);
            sent.put(key, ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .contentType(MediaType.APPLICATION_JSON).body(body));
        });
        jdbc.sql("""
                        UPDATE idempotency_keys i SET status = a.status, response = CAST(a.body AS json)
                        FROM unnest(CAST(:keys AS text[]), CAST(:statuses AS integer[]), CAST(:bodies AS text[]))
                             AS a(key, status, body)
                        WHERE i.tenant_id = :tenant AND i.scope = :scope AND i.key = a.key""")
                .param("tenant", TenantContext.tenantId()).param("scope", scope)
                .param("keys", keys.toArray(String[]::new)).param("statuses", statuses.toArray(String[]::new))
                .param("bodies", bodies.toArray(String[]::new)).update();
        return sent;
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
        jdbc.sql("""
                        UPDATE idempotency_keys SET status = :status, response = CAST(:body AS json)
                        WHERE tenant_id = :tenant AND scope = :scope AND key = :key""")
                .param("tenant", TenantContext.tenantId())
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
        Stored stored = jdbc.sql("""
                        SELECT request_hash, status, response::text FROM idempotency_keys
                        WHERE tenant_id = :tenant AND scope = :scope AND key = :key""")
                .param("tenant", TenantContext.tenantId()).param("scope", scope).param("key", key)
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
