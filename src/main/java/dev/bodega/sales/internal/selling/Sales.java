package dev.bodega.sales.internal.selling;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.Ids;
import dev.bodega.platform.Money;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.platform.Versions;
import dev.bodega.sales.SaleCancelled;
import dev.bodega.sales.internal.SalesProblem;
import dev.bodega.sales.internal.customers.Customers;
import dev.bodega.sales.internal.selling.SaleViews.LineView;
import dev.bodega.sales.internal.selling.SaleViews.Quote;
import dev.bodega.sales.internal.selling.SaleViews.SaleView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;
import static dev.bodega.sales.internal.selling.Values.timestamp;

/**
 * Sales: pending (a quote or a parked sale: no stock moves, no number),
 * completed (stock issued through the ledger, invoice number taken, customer
 * totals updated, all in one transaction) and cancelled (stock and customer
 * totals reversed, number kept).
 *
 * <p>Lock order, the same for every path, so tills never deadlock: the sale
 * row, then the stock levels (sorted by the posting engine), then the invoice
 * series, then the customer. A sale completed at once has no row to lock until
 * its stock is posted: it is inserted already completed, with its number. Both
 * ways to completed are one transition ({@link SaleCompletion}).
 */
@Service
class Sales {

    record LineRequest(@NotNull UUID itemId,
                       @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
                       @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal unitPrice,
                       @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
                       @DecimalMin("0") @DecimalMax("99.99") @Digits(integer = 2, fraction = 2) BigDecimal taxRate) {
    }

    record PaymentRequest(@NotBlank @Pattern(regexp = "cash|card|transfer|other") String method,
                          @NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount,
                          @Size(max = 100) String reference) {
    }

    /** A new sale; {@code complete: true} completes it at once with its payments. */
    record NewSale(@NotNull UUID locationId, UUID customerId, UUID seriesId,
                   @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal discount,
                   @Size(max = 2000) String notes,
                   @NotEmpty @Size(max = 500) List<@Valid @NotNull LineRequest> lines,
                   Boolean complete,
                   @Size(max = 20) List<@Valid @NotNull PaymentRequest> payments) {

        /** Absent means a pending sale. */
        boolean completeNow() {
            return Boolean.TRUE.equals(complete);
        }
    }

    record Completion(UUID seriesId, @Size(max = 20) List<@Valid @NotNull PaymentRequest> payments) {
    }

    record Cancellation(@NotBlank @Size(max = 500) String reason) {
    }

    private static final String ITEM_COLUMNS = """
            i.id, i.sku, i.name, i.sale_price, i.unit_decimals AS decimals, i.active AND i.deleted_at IS NULL AS usable""";

    private final JdbcClient jdbc;
    private final StockPostings postings;
    private final Customers customers;
    private final TenantSettingsService settings;
    private final ApplicationEventPublisher events;
    private final SaleQueries queries;
    private final SaleCompletion completion;

    Sales(JdbcClient jdbc, StockPostings postings, Customers customers, TenantSettingsService settings,
          ApplicationEventPublisher events, SaleQueries queries, SaleCompletion completion) {
        this.queries = queries;
        this.completion = completion;
        this.jdbc = jdbc;
        this.postings = postings;
        this.customers = customers;
        this.settings = settings;
        this.events = events;
    }

    /** Prices a cart without saving anything. */
    @Transactional(readOnly = true)
    public Quote quote(NewSale sale) {
        Priced priced = price(sale);
        Pricing.Totals t = priced.totals();
        List<LineView> lines = new ArrayList<>();
        for (int i = 0; i < priced.lines().size(); i++) {
            Priced.Line line = priced.lines().get(i);
            lines.add(lineView(null, i + 1, line));
        }
        return new Quote(priced.settings().currency(), priced.settings().pricesIncludeTax(), t.subtotal(), t.discount(),
                t.saleDiscount(), t.tax(), t.total(), lines);
    }

    @Transactional
    public SaleView create(NewSale sale) {
        return create(sale, null);
    }

    /**
     * A sale as of {@code at} (null: now): dated, completed and paid then. Only for data that describes the
     * past (the demo company's history); tills always sell now.
     */
    @Transactional
    SaleView create(NewSale sale, Instant at) {
        if (!sale.completeNow() && sale.payments() != null && !sale.payments().isEmpty()) {
            throw Problems.of(SalesProblem.PAYMENTS_WITHOUT_COMPLETION,
                    "Payments are taken when the sale is completed (complete: true)");
        }
        if (!sale.completeNow()) {
            // A completed sale's location is checked by its stock posting (same problems, one query fewer).
            requireLocation(sale.locationId());
        }
        if (sale.customerId() != null) {
            customers.requireUsable(sale.customerId());
        }
        Priced priced = price(sale);
        UUID id = Ids.next();
        if (sale.completeNow()) {
            return completion.complete(new SaleCompletion.Direct(id, sale.locationId(), sale.customerId(),
                    sale.seriesId(), blankToNull(sale.notes()), paymentInputs(sale.payments()), priced), at);
        }
        insertSale(id, sale, priced, at);
        insertLines(id, priced.lines());
        return queries.get(id);
    }

    /**
     * A sale to complete at once, checked and priced as the current user without writing anything: what the group
     * commit ({@link SaleCommitter}) then completes. The location must be one the user may sell from.
     */
    @Transactional(readOnly = true)
    SaleCompletion.Direct prepare(NewSale sale) {
        Map<UUID, Priced.Item> items = sellableItems(sale.locationId(), sale.lines());
        if (sale.customerId() != null) {
            customers.requireUsable(sale.customerId());
        }
        return new SaleCompletion.Direct(Ids.next(), sale.locationId(), sale.customerId(), sale.seriesId(),
                blankToNull(sale.notes()), paymentInputs(sale.payments()), price(sale, items));
    }

    /**
     * A parked sale changed at the till (If-Match its version): customer, discount, notes and lines replaced and
     * priced again; it stays pending (completing is {@link #complete}), so a request with payments is refused.
     */
    @Transactional
    public SaleView update(UUID id, Long version, NewSale sale) {
        LockedSale locked = lock(id);
        Versions.check(version, locked.version());
        if (!locked.status().equals("pending")) {
            throw Problems.of(SalesProblem.SALE_NOT_PENDING, "Only a pending sale can be changed; this one is "
                    + locked.status());
        }
        if (sale.completeNow() || sale.payments() != null && !sale.payments().isEmpty()) {
            throw Problems.of(SalesProblem.PAYMENTS_WITHOUT_COMPLETION,
                    "Payments are taken when the sale is completed (POST .../complete)");
        }
        requireLocation(sale.locationId());
        if (sale.customerId() != null) {
            customers.requireUsable(sale.customerId());
        }
        Priced priced = price(sale);
        Pricing.Totals t = priced.totals();
        jdbc.sql("""
                        UPDATE sales SET location_id = :location, customer_id = :customer, subtotal = :subtotal,
                               sale_discount = :saleDiscount, discount = :discount, tax = :tax, total = :total,
                               notes = :notes, version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND status = 'pending'""")
                .param("tenant", TenantContext.tenantId())
                .param("location", sale.locationId()).param("customer", sale.customerId())
                .param("subtotal", t.subtotal()).param("saleDiscount", t.saleDiscount()).param("discount", t.discount())
                .param("tax", t.tax()).param("total", t.total()).param("notes", blankToNull(sale.notes()))
                .param("id", id).update();
        jdbc.sql("DELETE FROM sale_lines WHERE tenant_id = :tenant AND sale_id = :id")
                .param("tenant", TenantContext.tenantId()).param("id", id).update();
        insertLines(id, priced.lines());
        return queries.get(id);
    }

    @Transactional
    public SaleView complete(UUID id, Completion request) {
        completion.complete(lock(id), request.seriesId(), paymentInputs(request.payments()), null);
        return queries.get(id);
    }

    @Transactional
    public SaleView cancel(UUID id, Cancellation cancellation) {
        return cancel(id, cancellation, null);
    }

    /** A cancellation as of {@code at} (null: now); see {@link #create(NewSale, Instant)}. */
    @Transactional
    SaleView cancel(UUID id, Cancellation cancellation, Instant at) {
        LockedSale sale = lock(id);
        if (sale.status().equals("cancelled")) {
            throw Problems.of(SalesProblem.SALE_ALREADY_CANCELLED, "The sale is already cancelled");
        }
        boolean returned = jdbc.sql("SELECT EXISTS (SELECT 1 FROM sale_returns WHERE sale_id = :id)")
                .param("id", id).query(Boolean.class).single();
        if (returned) {
            throw Problems.of(SalesProblem.SALE_HAS_RETURNS,
                    "A sale with returns cannot be cancelled; return the rest instead");
        }
        boolean wasCompleted = sale.status().equals("completed");
        if (wasCompleted) {
            postings.post(new StockPostings.Posting("sale_cancellation", "sale", id, "cancellation",
                    cancellation.reason().trim(), reversal(sale)));
        }
        Instant cancelledAt = jdbc.sql("""
                        UPDATE sales SET status = 'cancelled', cancelled_at = coalesce(CAST(:at AS timestamptz), now()),
                               cancelled_by = :user,
                               cancellation_reason = :reason, version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id RETURNING cancelled_at""")
                .param("tenant", TenantContext.tenantId())
                .param("user", TenantContext.userId().orElse(null)).param("reason", cancellation.reason().trim())
                .param("at", timestamp(at)).param("id", id).query(Timestamp.class).single().toInstant();
        if (wasCompleted && sale.customerId() != null) {
            customers.recordCancellation(sale.customerId(), sale.total().subtract(sale.refunded()));
        }
        events.publishEvent(new SaleCancelled(TenantContext.tenantId(), id, sale.locationId(), sale.customerId(),
                sale.invoice(), sale.total(), cancellation.reason().trim(), TenantContext.userId().orElse(null), cancelledAt));
        return queries.get(id);
    }

    /** Locks the sale row for the rest of the transaction: completions, cancellations and returns of it queue here. */
    LockedSale lock(UUID id) {
        return jdbc.sql("""
                        SELECT s.id, s.status, s.location_id, s.customer_id, s.user_id AS seller_id, s.currency, s.total,
                               s.refunded, s.version,
                               CASE WHEN s.invoice_number IS NOT NULL THEN %s END AS invoice
                        FROM sales s LEFT JOIN invoice_series sr ON sr.tenant_id = s.tenant_id AND sr.id = s.series_id
                        WHERE s.tenant_id = :tenant AND s.id = :id FOR UPDATE OF s""".formatted(SaleQueries.INVOICE))
                .param("tenant", TenantContext.tenantId()).param("id", id).query(LockedSale.class).optional()
                .orElseThrow(() -> new NotFoundException("Sale"));
    }

    /** Everything the sale took goes back, at the cost it left with. */
    private List<StockPostings.Line> reversal(LockedSale sale) {
        return jdbc.sql("SELECT item_id, quantity, unit_cost FROM sale_lines WHERE sale_id = :id ORDER BY position")
                .param("id", sale.id())
                .query((rs, n) -> StockPostings.Line.in(sale.locationId(), rs.getObject("item_id", UUID.class),
                        MovementType.SALE_CANCELLATION, rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_cost")))
                .list();
    }

    private Priced price(NewSale sale) {
        return price(sale, items(sale.lines()));
    }

    private Priced price(NewSale sale, Map<UUID, Priced.Item> items) {
        TenantSettings tenant = settings.current();
        int decimals = Money.decimals(tenant.currency());
        List<Priced.Line> lines = new ArrayList<>();
        List<Pricing.LineInput> inputs = new ArrayList<>();
        for (LineRequest line : sale.lines()) {
            Priced.Item item = usableItem(items, line);
            BigDecimal unitPrice = line.unitPrice() == null ? item.salePrice() : line.unitPrice();
            BigDecimal discountPercent = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
            BigDecimal taxRate = line.taxRate() == null ? tenant.taxRate() : line.taxRate();
            inputs.add(new Pricing.LineInput(line.quantity(), unitPrice, discountPercent, taxRate));
            lines.add(new Priced.Line(item, line.quantity(), unitPrice, discountPercent, taxRate, null));
        }
        Pricing.Totals totals = Pricing.price(inputs, sale.discount(), tenant.pricesIncludeTax(), decimals);
        List<Priced.Line> priced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Priced.Line l = lines.get(i);
            priced.add(new Priced.Line(l.item(), l.quantity(), l.unitPrice(), l.discountPercent(), l.taxRate(),
                    totals.lines().get(i)));
        }
        return new Priced(priced, totals, tenant);
    }

    private Map<UUID, Priced.Item> items(List<LineRequest> lines) {
        Map<UUID, Priced.Item> found = new HashMap<>();
        jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM catalog_items i"
                        + " WHERE i.tenant_id = :tenant AND i.id = ANY (CAST(:ids AS uuid[]))")
                .param("tenant", TenantContext.tenantId()).param("ids", itemIds(lines)).query(Sales::item).list()
                .forEach(item -> found.put(item.id(), item));
        return found;
    }

    /**
     * The till's reads in one statement (one round trip fewer on every sale): the location, which must be active
     * and one the user may sell from, and the lines' items, checked when priced.
     */
    private Map<UUID, Priced.Item> sellableItems(UUID locationId, List<LineRequest> lines) {
        record Row(boolean active, boolean allowed, Priced.Item item) {
        }
        List<Row> rows = jdbc.sql("""
                        WITH place AS (
                            SELECT active, id IN (SELECT v FROM app_visible_locations() v) AS allowed
                            FROM inventory_locations WHERE tenant_id = :tenant AND id = :location)
                        SELECT p.active AS location_active, p.allowed,""" + " " + ITEM_COLUMNS + """

                        FROM place p LEFT JOIN catalog_items i ON i.tenant_id = :tenant AND i.id = ANY (CAST(:ids AS uuid[]))""")
                .param("tenant", TenantContext.tenantId())
                .param("location", locationId).param("ids", itemIds(lines))
                .query((rs, n) -> new Row(rs.getBoolean("location_active"), rs.getBoolean("allowed"),
                        rs.getObject("id") == null ? null : item(rs, n)))
                .list();
        if (rows.isEmpty()) {
            throw ProblemNames.with(Problems.of(SalesProblem.UNKNOWN_LOCATION, "The location does not exist"),
                    Map.of("locationId", locationId));
        }
        if (!rows.get(0).active()) {
            throw ProblemNames.with(Problems.of(SalesProblem.INACTIVE_LOCATION, "Location " + locationId
                    + " is not active"), Map.of("locationId", locationId));
        }
        if (!rows.get(0).allowed()) {
            throw Problems.of(SalesProblem.LOCATION_NOT_ALLOWED, "You may not move stock at this location");
        }
        Map<UUID, Priced.Item> found = new HashMap<>();
        rows.stream().map(Row::item).filter(Objects::nonNull).forEach(item -> found.put(item.id(), item));
        return found;
    }

    private static String[] itemIds(List<LineRequest> lines) {
        return lines.stream().map(l -> l.itemId().toString()).distinct().toArray(String[]::new);
    }

    private static Priced.Item item(ResultSet rs, int row) throws SQLException {
        return new Priced.Item(rs.getObject("id", UUID.class), rs.getString("sku"), rs.getString("name"),
                rs.getBigDecimal("sale_price"), rs.getInt("decimals"), rs.getBoolean("usable"));
    }

    private static Priced.Item usableItem(Map<UUID, Priced.Item> items, LineRequest line) {
        Priced.Item item = items.get(line.itemId());
        if (item == null) {
            throw ProblemNames.with(Problems.of(SalesProblem.UNKNOWN_ITEM, "The item does not exist"),
                    Map.of("itemId", line.itemId()));
        }
        if (!item.usable()) {
            throw ProblemNames.with(Problems.of(SalesProblem.INACTIVE_ITEM, "Item " + item.sku() + " is not active"),
                    Map.of("itemId", item.id()));
        }
        if (line.quantity().stripTrailingZeros().scale() > item.decimals()) {
            throw ProblemNames.with(Problems.of(SalesProblem.QUANTITY_DECIMALS, "Item " + item.sku()
                    + " is counted in whole units" + (item.decimals() == 0 ? "" : " with at most " + item.decimals()
                    + " decimals")), Map.of("itemId", item.id(), "decimals", item.decimals()));
        }
        return item;
    }

    private void requireLocation(UUID locationId) {
        Boolean active = jdbc.sql("SELECT active FROM inventory_locations WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", TenantContext.tenantId()).param("id", locationId)
                .query(Boolean.class).optional().orElse(null);
        if (active == null) {
            throw ProblemNames.with(Problems.of(SalesProblem.UNKNOWN_LOCATION, "The location does not exist"),
                    Map.of("locationId", locationId));
        }
        if (!active) {
            throw ProblemNames.with(Problems.of(SalesProblem.INACTIVE_LOCATION, "Location " + locationId + " is not active"),
                    Map.of("locationId", locationId));
        }
    }

    private void insertSale(UUID id, NewSale sale, Priced priced, Instant at) {
        Pricing.Totals t = priced.totals();
        jdbc.sql("""
                        INSERT INTO sales (tenant_id, id, status, location_id, customer_id, user_id, currency,
                                           prices_include_tax, subtotal, sale_discount, discount, tax, total, notes,
                                           sale_date, created_at)
                        VALUES (:tenant, :id, 'pending', :location, :customer, :user, :currency, :includeTax,
                                :subtotal, :saleDiscount, :discount, :tax, :total, :notes,
                                coalesce(CAST(:at AS timestamptz), now()), coalesce(CAST(:at AS timestamptz), now()))""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("location", sale.locationId())
                .param("customer", sale.customerId()).param("user", TenantContext.userId().orElse(null))
                .param("currency", priced.settings().currency())
                .param("includeTax", priced.settings().pricesIncludeTax())
                .param("subtotal", t.subtotal()).param("saleDiscount", t.saleDiscount()).param("discount", t.discount())
                .param("tax", t.tax()).param("total", t.total()).param("notes", blankToNull(sale.notes()))
                .param("at", timestamp(at))
                .update();
    }

    private void insertLines(UUID saleId, List<Priced.Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Priced.Line line = lines.get(i);
            Pricing.LineAmounts a = line.amounts();
            jdbc.sql("""
                            INSERT INTO sale_lines (tenant_id, id, sale_id, position, item_id, item_name, item_sku, quantity,
                                                    unit_price, subtotal, discount_percent, discount, sale_discount,
                                                    tax_rate, tax, total)
                            VALUES (:tenant, :id, :sale, :position, :item, :name, :sku, :quantity, :unitPrice, :subtotal,
                                    :discountPercent, :discount, :saleDiscount, :taxRate, :tax, :total)""")
                    .param("tenant", TenantContext.tenantId()).param("id", Ids.next()).param("sale", saleId)
                    .param("position", i + 1).param("item", line.item().id()).param("name", line.item().name())
                    .param("sku", line.item().sku()).param("quantity", line.quantity())
                    .param("unitPrice", line.unitPrice()).param("subtotal", a.subtotal())
                    .param("discountPercent", line.discountPercent()).param("discount", a.discount())
                    .param("saleDiscount", a.saleDiscount()).param("taxRate", line.taxRate()).param("tax", a.tax())
                    .param("total", a.total())
                    .update();
        }
    }

    private static LineView lineView(UUID id, int position, Priced.Line line) {
        Pricing.LineAmounts a = line.amounts();
        return new LineView(id, position, line.item().id(), line.item().sku(), line.item().name(),
                line.quantity(), line.unitPrice(), a.subtotal(), line.discountPercent(), a.discount(),
                a.saleDiscount(), line.taxRate(), a.tax(), a.total(), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static List<Payments.PaymentInput> paymentInputs(List<PaymentRequest> requested) {
        return requested == null ? List.of()
                : requested.stream().map(p -> new Payments.PaymentInput(p.method(), p.amount(), p.reference())).toList();
    }
}
