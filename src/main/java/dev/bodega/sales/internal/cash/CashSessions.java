package dev.bodega.sales.internal.cash;

import dev.bodega.platform.Ids;
import dev.bodega.platform.Money;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.sales.CashDesk;
import dev.bodega.sales.internal.SalesProblem;
import dev.bodega.sales.internal.cash.CashViews.Session;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * Opens, moves cash in and out of, and closes the sessions of a till. One open session per location (a unique
 * index; a second is a 409). A step on a session locks its row first: a sale completing at the location holds it
 * shared until it commits, so a close waits for the sales in flight and then counts them all, and a sale that
 * comes after the close finds no open session.
 */
@Service
class CashSessions implements CashDesk {

    record Opening(@NotNull UUID locationId, @NotNull BigDecimal openingFloat, @Size(max = 500) String note) {
    }

    record NewMovement(@NotBlank @Pattern(regexp = "in|out") String kind, @NotNull BigDecimal amount,
                       @NotBlank @Size(max = 200) String reason) {
    }

    record Closing(@NotNull List<@Valid @NotNull CountInput> counts, @Size(max = 500) String note) {
    }

    record CountInput(@NotNull BigDecimal denomination, @NotNull Integer quantity) {
    }

    private final JdbcClient jdbc;
    private final CashQueries queries;
    private final TenantSettingsService settings;

    CashSessions(JdbcClient jdbc, CashQueries queries, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.settings = settings;
    }

    @Override
    @Transactional(readOnly = true)
    public List<BigDecimal> denominations() {
        return Denominations.of(settings.current().currency());
    }

    @Override
    @Transactional
    public UUID open(UUID locationId, BigDecimal openingFloat, String note, Instant at) {
        requireOperable(locationId);
        String currency = settings.current().currency();
        if (openingFloat.signum() < 0 || !inDecimals(openingFloat, currency)) {
            throw Problems.of(SalesProblem.CASH_AMOUNT, "The opening float must be 0 or more, in the currency's decimals");
        }
        UUID id = Ids.next();
        // The next number of the location; two opening at once both take it, and the unique indexes keep one.
        int opened = jdbc.sql("""
                        INSERT INTO cash_sessions (tenant_id, id, location_id, number, status, currency, opening_float,
                                                   opening_note, opened_by, opened_at)
                        SELECT :tenant, :id, :location, coalesce(max(number), 0) + 1, 'open', :currency, :float,
                               :note, :user, coalesce(CAST(:at AS timestamptz), now())
                        FROM cash_sessions WHERE tenant_id = :tenant AND location_id = :location
                        ON CONFLICT DO NOTHING""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("location", locationId)
                .param("currency", currency).param("float", openingFloat).param("note", blankToNull(note))
                .param("user", TenantContext.userId().orElse(null)).param("at", timestamp(at))
                .update();
        if (opened == 0) {
            throw Problems.of(SalesProblem.CASH_SESSION_ALREADY_OPEN, "A cash session is already open at this location");
        }
        return id;
    }

    @Override
    @Transactional
    public void move(UUID sessionId, String kind, BigDecimal amount, String reason, Instant at) {
        record(sessionId, new NewMovement(kind, amount, reason), at);
    }

    /** Cash in or out with its reason; out never takes more than the drawer should hold. */
    @Transactional
    public UUID record(UUID sessionId, NewMovement movement, Instant at) {
        Session session = lockOpen(sessionId);
        BigDecimal amount = movement.amount();
        if (amount.signum() <= 0 || !inDecimals(amount, session.currency())) {
            throw Problems.of(SalesProblem.CASH_AMOUNT, "A cash movement needs a positive amount in the currency's decimals");
        }
        if (movement.kind().equals("out") && amount.compareTo(queries.report(session).expectedCash()) > 0) {
            throw Problems.of(SalesProblem.CASH_OUT_EXCEEDS_DRAWER, "The drawer should hold less than that");
        }
        UUID id = Ids.next();
        jdbc.sql("""
                        INSERT INTO cash_movements (tenant_id, id, session_id, kind, method, amount, reason, user_id,
                                                    created_at)
                        VALUES (:tenant, :id, :session, :kind, 'cash', :amount, :reason, :user,
                                coalesce(CAST(:at AS timestamptz), now()))""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("session", sessionId)
                .param("kind", movement.kind()).param("amount", amount).param("reason", movement.reason().trim())
                .param("user", TenantContext.userId().orElse(null)).param("at", timestamp(at))
                .update();
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public BigDecimal expectedCash(UUID sessionId) {
        return queries.report(sessionId).expectedCash();
    }

    @Override
    @Transactional
    public BigDecimal close(UUID sessionId, List<Count> counts, String note, Instant at) {
        return close(sessionId, new Closing(counts.stream()
                .map(c -> new CountInput(c.denomination(), c.quantity())).toList(), note), at);
    }

    /** Counted against expected, stored with the count; returns the difference (counted − expected). */
    @Transactional
    public BigDecimal close(UUID sessionId, Closing closing, Instant at) {
        Session session = queries.session(sessionId);
        List<CountInput> counts = valid(closing.counts(), session.currency());
        session = lockOpen(sessionId);
        BigDecimal expected = queries.report(session).expectedCash();
        BigDecimal counted = counts.stream().map(c -> c.denomination().multiply(BigDecimal.valueOf(c.quantity())))
                .reduce(CashQueries.ZERO, BigDecimal::add).setScale(2);
        BigDecimal difference = counted.subtract(expected);
        jdbc.sql("""
                        UPDATE cash_sessions SET status = 'closed', closed_by = :user,
                               closed_at = coalesce(CAST(:at AS timestamptz), now()), closing_note = :note,
                               expected_cash = :expected, counted_cash = :counted, difference = :difference,
                               version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND status = 'open'""")
                .param("user", TenantContext.userId().orElse(null)).param("at", timestamp(at))
                .param("note", blankToNull(closing.note())).param("expected", expected).param("counted", counted)
                .param("difference", difference).param("tenant", TenantContext.tenantId()).param("id", sessionId)
                .update();
        for (CountInput count : counts) {
            jdbc.sql("""
                            INSERT INTO cash_counts (tenant_id, session_id, denomination, quantity)
                            VALUES (:tenant, :session, :denomination, :quantity)""")
                    .param("tenant", TenantContext.tenantId()).param("session", sessionId)
                    .param("denomination", count.denomination()).param("quantity", count.quantity())
                    .update();
        }
        return difference;
    }

    /** The counts that hold money (zeros dropped), each denomination once, positive and in the currency's decimals. */
    private static List<CountInput> valid(List<CountInput> counts, String currency) {
        Set<BigDecimal> seen = new HashSet<>();
        for (CountInput count : counts) {
            BigDecimal denomination = count.denomination();
            if (denomination.signum() <= 0 || !inDecimals(denomination, currency) || count.quantity() < 0
                    || !seen.add(denomination.stripTrailingZeros())) {
                throw Problems.of(SalesProblem.CASH_COUNT, "Each denomination must be positive, in the currency's "
                        + "decimals and listed once, with a quantity of 0 or more: " + denomination.toPlainString());
            }
        }
        return counts.stream().filter(c -> c.quantity() > 0).toList();
    }

    /** The session locked for this transaction, open; a sale in flight at its location is waited for. */
    private Session lockOpen(UUID sessionId) {
        Session session = queries.session(sessionId);
        String status = jdbc.sql("SELECT status FROM cash_sessions WHERE tenant_id = :tenant AND id = :id FOR NO KEY UPDATE")
                .param("tenant", TenantContext.tenantId()).param("id", sessionId).query(String.class).single();
        if (!status.equals("open")) {
            throw Problems.of(SalesProblem.CASH_SESSION_CLOSED, "The cash session is closed");
        }
        return session;
    }

    /** A location the user may work at and sell from. */
    private void requireOperable(UUID locationId) {
        record Place(boolean active, boolean allowed) {
        }
        Place place = jdbc.sql("""
                        SELECT active, id IN (SELECT v FROM app_visible_locations() v) AS allowed
                        FROM inventory_locations WHERE id = :id""")
                .param("id", locationId).query(Place.class).optional()
                .orElseThrow(() -> Problems.of(SalesProblem.UNKNOWN_LOCATION, "Location " + locationId + " does not exist"));
        if (!place.active()) {
            throw Problems.of(SalesProblem.INACTIVE_LOCATION, "Location " + locationId + " is not active");
        }
        if (!place.allowed()) {
            throw Problems.of(SalesProblem.CASH_LOCATION_NOT_ALLOWED, "You may not handle the cash of this location");
        }
    }

    private static boolean inDecimals(BigDecimal amount, String currency) {
        return Money.round(amount, Money.decimals(currency)).compareTo(amount) == 0;
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
