package dev.bodega.platform.internal.operator;

import dev.bodega.platform.Ids;
import dev.bodega.platform.OperatorAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The operators' accounts: outside every company, with passwords hashed as users' are. */
@Service
class Operators implements OperatorAccounts {

    record Credentials(UUID id, String email, String name, String passwordHash, boolean active, int failedAttempts,
                       Instant lockedUntil) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Operators(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Creates the operator, or sets the password of the one with that email; answers its id. */
    @Transactional
    UUID createOrReset(String email, String name, String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("An operator's password has at least 8 characters");
        }
        return jdbc.sql("""
                        INSERT INTO operators (id, email, name, password_hash) VALUES (:id, :email, :name, :hash)
                        ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true,
                            failed_attempts = 0, locked_until = NULL, updated_at = EXCLUDED.updated_at
                        RETURNING id""")
                .param("id", Ids.next()).param("email", normalize(email)).param("name", name)
                .param("hash", passwords.encode(password))
                .query(UUID.class).single();
    }

    @Override
    @Transactional
    public void createIfMissing(String email, String name, String password) {
        jdbc.sql("""
                        INSERT INTO operators (id, email, name, password_hash) VALUES (:id, :email, :name, :hash)
                        ON CONFLICT (email) DO NOTHING""")
                .param("id", Ids.next()).param("email", normalize(email)).param("name", name)
                .param("hash", passwords.encode(password)).update();
    }

    Optional<Credentials> credentialsForUpdate(String email) {
        return jdbc.sql("""
                        SELECT id, email, name, password_hash, active, failed_attempts, locked_until
                        FROM operators WHERE email = :email FOR UPDATE""")
                .param("email", normalize(email)).query(Credentials.class).optional();
    }

    void recordFailure(UUID id, int failedAttempts, Instant lockedUntil) {
        jdbc.sql("UPDATE operators SET failed_attempts = :failed, locked_until = :until, updated_at = now() WHERE id = :id")
                .param("failed", failedAttempts).param("until", lockedUntil == null ? null
                        : Timestamp.from(lockedUntil)).param("id", id).update();
    }

    void recordSuccess(UUID id, Instant at) {
        jdbc.sql("""
                        UPDATE operators SET failed_attempts = 0, locked_until = NULL, last_login_at = :at
                        WHERE id = :id""")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** The active operators' addresses, to tell them what the nightly check found. */
    @Transactional(readOnly = true)
    List<String> activeEmails() {
        return jdbc.sql("SELECT email FROM operators WHERE active ORDER BY email").query(String.class).list();
    }

    static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
