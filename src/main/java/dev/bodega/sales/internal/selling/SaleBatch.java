package dev.bodega.sales.internal.selling;

import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.BusinessEvents;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.Ids;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.sales.SaleCompleted;
import dev.bodega.sales.internal.SalesProblem;
import dev.bodega.sales.internal.invoicing.InvoiceSeriesStore;
import dev.bodega.sales.internal.selling.SaleBatchStatements.Series;
import dev.bodega.sales.internal.selling.SaleViews.SaleView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * One group commit's work, in the caller's transaction, for one tenant: the sales waiting, decided in their order
 * of arrival and written together. Locks are taken in a single sale's order ({@link SaleCompletion}): every stock
 * level of the batch (one sorted statement), then the invoice series (sorted), the open cash sessions, the
 * customers. A sale that cannot be made (series, stock) is refused alone and takes nothing: no stock, no number,
 * no Idempotency-Key. The rest is written by one statement ({@link SaleBatchStatements#write}).
 */
@Component
class SaleBatch {

    static final String SCOPE = "sales.create";

    /** A sale waiting for the group commit: checked and priced in its request, for its seller. */
    record Order(UUID tenantId, UUID sellerId, SaleCompletion.Direct sale, Payments.Settlement settlement, String key,
                 String hash) {

        BigDecimal total() {
            return SaleCompletion.money(sale.priced().totals().total());
        }
    }

    /** An order the batch completes: its number, the cost its stock left at, its new rows' ids. */
    record Kept(Order order, UUID seriesId, long number, String invoice, List<UUID> lineIds,
                Map<UUID, BigDecimal> costs) {
    }

    /**
     * What became of an order: its answer, or its refusal, or neither when its Idempotency-Key had been taken
     * meanwhile (the first answer is read once this transaction is over).
     */
    record Outcome(ResponseEntity<?> answer, ErrorResponseException refusal) {

        static final Outcome ANSWERED_BEFORE = new Outcome(null, null);

        static Outcome refused(ErrorResponseException refusal) {
            return new Outcome(null, refusal);
        }
    }

    private final StockPostings postings;
    private final InvoiceSeriesStore seriesStore;
    private final SaleBatchStatements statements;
    private final Idempotency idempotency;
    private final ApplicationEventPublisher events;
    private final BusinessEvents businessEvents;

    SaleBatch(StockPostings postings, InvoiceSeriesStore seriesStore, SaleBatchStatements statements,
              Idempotency idempotency, ApplicationEventPublisher events, BusinessEvents businessEvents) {
        this.businessEvents = businessEvents;
        this.postings = postings;
        this.seriesStore = seriesStore;
        this.statements = statements;
        this.idempotency = idempotency;
        this.events = events;
    }

    /** Decides and writes the orders (all of the current tenant); one outcome per order, in their order. */
    List<Outcome> write(List<Order> orders) {
        Outcome[] outcomes = new Outcome[orders.size()];
        statements.preferGenericPlans();
        Map<Integer, UUID> series = chooseSeries(orders, outcomes);
        List<Integer> stocked = open(outcomes);
        StockPostings.Decided stock = postings.decideEach(stocked.stream().map(i -> posting(orders.get(i))).toList());
        for (int j = 0; j < stocked.size(); j++) {
            if (stock.refusals().get(j) != null) {
                outcomes[stocked.get(j)] = Outcome.refused(stock.refusals().get(j));
            }
        }
        open(outcomes).stream().filter(i -> series.get(i) == null).forEach(i ->
                series.put(i, seriesStore.forSale(null, orders.get(i).sale().locationId())));
        Map<UUID, SaleBatchStatements.LockedSeries> locked = statements.lockSeries(open(outcomes).stream()
                .map(series::get).distinct().toList());
        open(outcomes).stream().filter(i -> !active(locked.get(series.get(i)))).forEach(i -> outcomes[i] =
                Outcome.refused(Problems.of(SalesProblem.SERIES_INACTIVE, "The invoice series is no longer active")));
        claimKeys(orders, outcomes);
        List<Integer> kept = open(outcomes);
        if (kept.isEmpty()) {
            return List.of(outcomes);
        }
        List<StockPostings.Posted> posted = stock.post(kept.stream().map(stocked::indexOf).toList());
        Map<UUID, Long> next = new HashMap<>();
        locked.values().forEach(s -> next.put(s.id(), s.nextNumber()));
        List<Kept> numbered = number(orders, kept, series, locked, next, posted);
        SaleBatchStatements.Written written = statements.write(numbered, next);
        List<ResponseEntity<?>> answers = businessEvents.together(() -> store(numbered, written));
        for (int k = 0; k < kept.size(); k++) {
            outcomes[kept.get(k)] = new Outcome(answers.get(k), null);
        }
        return List.of(outcomes);
    }

    /**
     * Each order's series: the one it names (refused when unknown, or not an active one of its location), else
     * its location's default (null while the location has none: created once the stock levels are locked, as a
     * single sale does).
     */
    private Map<Integer, UUID> chooseSeries(List<Order> orders, Outcome[] outcomes) {
        Map<UUID, Series> known = statements.series(orders.stream().map(o -> o.sale().seriesId()).toList(),
                orders.stream().map(o -> o.sale().locationId()).toList());
        Map<Integer, UUID> chosen = new HashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            SaleCompletion.Direct sale = orders.get(i).sale();
            if (sale.seriesId() == null) {
                chosen.put(i, known.values().stream().filter(s -> s.isDefault() && s.locationId().equals(sale.locationId()))
                        .map(Series::id).findFirst().orElse(null));
                continue;
            }
            Series named = known.get(sale.seriesId());
            if (named == null) {
                outcomes[i] = Outcome.refused(Problems.of(SalesProblem.UNKNOWN_SERIES,
                        "Invoice series " + sale.seriesId() + " does not exist"));
            } else if (!named.locationId().equals(sale.locationId()) || !named.active()) {
                outcomes[i] = Outcome.refused(Problems.of(SalesProblem.SERIES_NOT_USABLE,
                        "The invoice series is not an active series of this location"));
            } else {
                chosen.put(i, named.id());
            }
        }
        return chosen;
    }

    private static StockPostings.ByUser posting(Order order) {
        return new StockPostings.ByUser(order.sellerId(), new StockPostings.Posting("sale", "sale", order.sale().id(),
                null, null, SaleCompletion.issue(order.sale())));
    }

    /** The keys of the orders about to be completed; an order whose key was taken meanwhile replays its first answer. */
    private void claimKeys(List<Order> orders, Outcome[] outcomes) {
        Map<String, String> hashes = new LinkedHashMap<>();
        open(outcomes).stream().map(orders::get).filter(o -> o.key() != null).forEach(o -> hashes.put(o.key(), o.hash()));
        if (hashes.isEmpty()) {
            return;
        }
        var claimed = idempotency.claimEach(SCOPE, hashes);
        open(outcomes).stream().filter(i -> orders.get(i).key() != null && !claimed.contains(orders.get(i).key()))
                .forEach(i -> outcomes[i] = Outcome.ANSWERED_BEFORE);
    }

    /**
     * Numbers in order of arrival, each series from its next number on ({@code next} is left at each series' next
     * number after the batch); the cost each line's stock left at.
     */
    private static List<Kept> number(List<Order> orders, List<Integer> kept, Map<Integer, UUID> series,
                                     Map<UUID, SaleBatchStatements.LockedSeries> locked, Map<UUID, Long> next,
                                     List<StockPostings.Posted> posted) {
        List<Kept> written = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            Order order = orders.get(kept.get(k));
            UUID seriesId = series.get(kept.get(k));
            long number = next.merge(seriesId, 1L, Long::sum) - 1;
            Map<UUID, BigDecimal> costs = new HashMap<>();
            posted.get(k).entries().forEach(e -> costs.put(e.itemId(), e.unitCost()));
            written.add(new Kept(order, seriesId, number, invoice(locked.get(seriesId).code(), number),
                    order.sale().priced().lines().stream().map(l -> Ids.next()).toList(), costs));
        }
        return written;
    }

    /**
     * Each written sale's answer (kept with its Idempotency-Key) and its {@link SaleCompleted} event (the batch's
     * events are recorded together).
     */
    private List<ResponseEntity<?>> store(List<Kept> kept, SaleBatchStatements.Written written) {
        Instant completedAt = written.completedAt();
        Map<UUID, String> names = written.names();
        UUID tenant = TenantContext.tenantId();
        Map<String, ResponseEntity<?>> keyed = new LinkedHashMap<>();
        List<ResponseEntity<?>> answers = new ArrayList<>();
        for (Kept k : kept) {
            Order order = k.order();
            SaleCompletion.Direct sale = order.sale();
            SaleCompletion.Numbered numbered = new SaleCompletion.Numbered(k.seriesId(), k.number(), k.invoice(),
                    completedAt, completedAt, completedAt, names.get(sale.locationId()),
                    sale.customerId() == null ? null : names.get(sale.customerId()),
                    order.sellerId() == null ? null : names.get(order.sellerId()));
            SaleView view = SaleCompletion.completedView(sale, order.sellerId(), k.lineIds(), order.settlement(),
                    numbered);
            events.publishEvent(new SaleCompleted(tenant, sale.id(), sale.locationId(), sale.customerId(),
                    order.sellerId(), k.invoice(), order.total(), sale.priced().settings().currency(), completedAt));
            ResponseEntity<?> answer = ResponseEntity.created(URI.create("/api/v1/sales/" + sale.id())).body(view);
            answers.add(answer);
            if (order.key() != null) {
                keyed.put(order.key(), answer);
            }
        }
        if (!keyed.isEmpty()) {
            Map<String, ResponseEntity<?>> sent = idempotency.storeEach(SCOPE, keyed);
            for (int k = 0; k < kept.size(); k++) {
                String key = kept.get(k).order().key();
                if (key != null) {
                    answers.set(k, sent.get(key));
                }
            }
        }
        return answers;
    }

    /** As the single sale's statement writes it: code, dash, the number left-padded to 8 digits (lpad). */
    private static String invoice(String code, long number) {
        String digits = String.format(Locale.ROOT, "%08d", number);
        return code + "-" + digits.substring(0, 8);
    }

    private static boolean active(SaleBatchStatements.LockedSeries series) {
        return series != null && series.active();
    }

    private static List<Integer> open(Outcome[] outcomes) {
        return IntStream.range(0, outcomes.length).filter(i -> outcomes[i] == null).boxed().toList();
    }
}
