package dev.bodega.platform.internal.web;

import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often one caller may try something that an attacker would repeat (sign-in, a staff's or an operator's, sign-up,
 * password resets) or that costs the service (API calls per key, by plan): a bucket4j token bucket per kind and
 * caller, in memory. Limits are {@code bodega.rate-limits.<kind>=<requests>/<period>} ({@code 600/1m}), or {@code off}.
 */
@Component
public class RateLimits {

    /** Past this many callers remembered, those with a full allowance again are forgotten. */
    private static final int REMEMBERED = 100_000;

    public enum Kind {
        LOGIN_PER_IP("login-per-ip"), LOGIN_PER_ACCOUNT("login-per-account"), SIGNUP_PER_IP("signup-per-ip"),
        PASSWORD_RESET_PER_IP("password-reset-per-ip"), PASSWORD_RESET_PER_ACCOUNT("password-reset-per-account"),
        API_PER_KEY("api-per-key"), OPERATOR_LOGIN_PER_IP("operator-login-per-ip"),
        OPERATOR_LOGIN_PER_ACCOUNT("operator-login-per-account");

        private final String property;

        Kind(String property) {
            this.property = property;
        }
    }

    /** {@code requests} per {@code period}; a bucket holds as many, and refills them over the period. */
    public record Limit(long requests, Duration period) {
        public static final Limit OFF = new Limit(0, Duration.ZERO);

        public static Limit parse(String text) {
            String trimmed = text.trim();
            if (trimmed.equalsIgnoreCase("off")) {
                return OFF;
            }
            int slash = trimmed.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("A rate limit is <requests>/<period> (600/1m) or off: " + text);
            }
            return new Limit(Long.parseLong(trimmed.substring(0, slash).trim()),
                    DurationStyle.detectAndParse(trimmed.substring(slash + 1).trim()));
        }

        boolean on() {
            return requests > 0;
        }
    }

    private record Caller(Kind kind, String key) {
    }

    private record Allowance(Limit limit, Bucket bucket) {
    }

    private final Environment environment;
    private final Map<String, Limit> limits = new ConcurrentHashMap<>();
    private final Map<Caller, Allowance> allowances = new ConcurrentHashMap<>();
    private final Map<Caller, Limit> tightened = new ConcurrentHashMap<>();

    RateLimits(Environment environment) {
        this.environment = environment;
    }

    /** Takes one request of this kind from the caller's allowance, or refuses with 429 and Retry-After. */
    public void take(Kind kind, String key) {
        take(kind, key, configured(kind.property));
    }

    /** One account, whatever the case and spaces it is typed with: a company's slug and a user's email. */
    public static String account(String company, String email) {
        return (company == null ? "" : company.trim().toLowerCase(Locale.ROOT)) + "/"
                + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    /** As {@link #take(Kind, String)} for an API key, under its company's plan's limit. */
    public void takeApiCall(String keyId, String plan) {
        take(Kind.API_PER_KEY, keyId, configured(Kind.API_PER_KEY.property + "." + plan.toLowerCase(Locale.ROOT)));
    }

    /**
     * A limit of its own for one caller until closed (a test's tiny limit, without changing anyone else's).
     * Its allowance starts full.
     */
    public AutoCloseable tighten(Kind kind, String key, Limit limit) {
        Caller caller = new Caller(kind, key);
        tightened.put(caller, limit);
        allowances.remove(caller);
        return () -> {
            tightened.remove(caller);
            allowances.remove(caller);
        };
    }

    private void take(Kind kind, String key, Limit configured) {
        Caller caller = new Caller(kind, key == null ? "" : key);
        Limit limit = tightened.getOrDefault(caller, configured);
        if (!limit.on()) {
            return;
        }
        ConsumptionProbe probe = allowance(caller, limit).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            ErrorResponseException refused = Problems.of(PlatformProblem.TOO_MANY_REQUESTS,
                    "Too many requests of this kind; try again in " + seconds + " s");
            refused.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            throw refused;
        }
    }

    private Bucket allowance(Caller caller, Limit limit) {
        if (allowances.size() > REMEMBERED) {
            allowances.values().removeIf(a -> a.bucket().getAvailableTokens() >= a.limit().requests());
        }
        Allowance allowance = allowances.get(caller);
        if (allowance == null || !allowance.limit().equals(limit)) {
            allowance = allowances.compute(caller, (c, existing) -> existing != null && existing.limit().equals(limit)
                    ? existing : new Allowance(limit, bucket(limit)));
        }
        return allowance.bucket();
    }

    private static Bucket bucket(Limit limit) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.requests())
                .refillGreedy(limit.requests(), limit.period()).build()).build();
    }

    private Limit configured(String property) {
        return limits.computeIfAbsent(property, p -> {
            String value = environment.getProperty("bodega.rate-limits." + p);
            return value == null ? Limit.OFF : Limit.parse(value);
        });
    }
}
