package dev.bodega.platform.internal.operator;

import dev.bodega.platform.internal.operator.OperatorAuthentication.SignedInOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An operator's sign-in, with the users' rule: five wrong passwords lock the account for 15 minutes. Operators have
 * no company, so their failures go to the log (a company's security events belong to that company).
 */
@Service
class OperatorLogin {

    private static final Logger log = LoggerFactory.getLogger(OperatorLogin.class);
    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final Operators operators;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String decoyHash;

    OperatorLogin(Operators operators, PasswordEncoder passwords, TransactionTemplate transactions, Clock clock) {
        this.operators = operators;
        this.passwords = passwords;
        this.transactions = transactions;
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy-password");
    }

    Optional<SignedInOperator> login(String email, String password, String clientIp) {
        return transactions.execute(tx -> check(email, password == null ? "" : password, clientIp));
    }

    private Optional<SignedInOperator> check(String email, String password, String clientIp) {
        Optional<Operators.Credentials> found = operators.credentialsForUpdate(email);
        if (found.isEmpty()) {
            passwords.matches(password, decoyHash);
            log.warn("Operator sign-in refused: unknown email from {}", clientIp);
            return Optional.empty();
        }
        Operators.Credentials operator = found.get();
        Instant now = clock.instant();
        if (operator.lockedUntil() != null && operator.lockedUntil().isAfter(now)) {
            log.warn("Operator sign-in refused: {} is locked (from {})", operator.email(), clientIp);
            return Optional.empty();
        }
        if (!passwords.matches(password, operator.passwordHash()) || !operator.active()) {
            int failed = operator.failedAttempts() + 1;
            boolean lock = failed >= MAX_FAILED_ATTEMPTS;
            operators.recordFailure(operator.id(), lock ? 0 : failed, lock ? now.plus(LOCKOUT) : null);
            log.warn("Operator sign-in refused: wrong password for {} from {}{}", operator.email(), clientIp,
                    lock ? "; locked" : "");
            return Optional.empty();
        }
        operators.recordSuccess(operator.id(), now);
        return Optional.of(new SignedInOperator(operator.id(), operator.email(), operator.name()));
    }
}
