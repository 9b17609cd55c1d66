package dev.bodega.inventory.internal.ledger;

import dev.bodega.inventory.LowStockReached;
import dev.bodega.inventory.StockPostings;
import dev.bodega.inventory.StockPostings.ByUser;
import dev.bodega.inventory.StockPostings.Entry;
import dev.bodega.inventory.StockPostings.Line;
import dev.bodega.inventory.StockPostings.Posted;
import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A decided batch: writes the postings kept, their posting rows and every ledger row, in one statement; the
 * ledger trigger applies the rows in the order given to levels the batch already holds (and would still refuse
 * a row that did not fit, failing the whole transaction rather than the stock).
 */
final class BatchWriter implements StockPostings.Decided {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final List<ByUser> postings;
    private final List<List<Line>> lines;
    private final List<ErrorResponseException> refusals;
    /** The same below-zero warnings (and events) as a single posting's. */
    private final java.util.function.Function<List<Entry>, List<StockPostings.Warning>> negatives;

    BatchWriter(JdbcClient jdbc, ApplicationEventPublisher events, List<ByUser> postings, List<List<Line>> lines,
                List<ErrorResponseException> refusals,
                java.util.function.Function<List<Entry>, List<StockPostings.Warning>> negatives) {
        this.negatives = negatives;
        this.jdbc = jdbc;
        this.events = events;
        this.postings = postings;
        this.lines = lines;
        this.refusals = refusals;
    }

    @Override
    public List<ErrorResponseException> refusals() {
        return refusals;
    }

    @Override
    public List<Posted> post(List<Integer> kept) {
        if (kept.isEmpty()) {
            return List.of();
        }
        Rows rows = new Rows();
        Map<UUID, List<Entry>> entries = new LinkedHashMap<>();
        for (int index : kept) {
            if (refusals.get(index) != null) {
                throw new IllegalArgumentException("Posting " + index + " was refused; it cannot be written");
            }
            UUID postingId = Ids.next();
            rows.add(postingId, postings.get(index), lines.get(index));
            entries.put(postingId, new ArrayList<>());
        }
        UUID tenant = TenantContext.tenantId();
        jdbc.sql("""
                        WITH posting AS (
                            INSERT INTO stock_postings (tenant_id, id, kind, document_type, document_id, reason, note, user_id)
                            SELECT :tenant, p.id, p.kind, p.document_type, p.document_id, p.reason, p.note, p.user_id
                            FROM unnest(CAST(:postingIds AS uuid[]), CAST(:kinds AS text[]), CAST(:postingTypes AS text[]),
                                        CAST(:postingDocuments AS uuid[]), CAST(:postingReasons AS text[]),
                                        CAST(:notes AS text[]), CAST(:postingUsers AS uuid[]))
                                 AS p(id, kind, document_type, document_id, reason, note, user_id)
                            RETURNING id
                        )
                        INSERT INTO stock_ledger (tenant_id, id, posting_id, location_id, item_id, movement_type, quantity,
                                                  on_hand_before, on_hand_after, unit_cost, document_type, document_id,
                                                  reason, user_id)
                        SELECT :tenant, l.id, l.posting_id, l.location_id, l.item_id, l.movement_type, l.quantity,
                               0, 0, l.unit_cost, l.document_type, l.document_id, l.reason, l.user_id
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:linePostings AS uuid[]), CAST(:locations AS uuid[]),
                                    CAST(:items AS uuid[]), CAST(:types AS text[]), CAST(:quantities AS numeric[]),
                                    CAST(:costs AS numeric[]), CAST(:documentTypes AS text[]),
                                    CAST(:documentIds AS uuid[]), CAST(:reasons AS text[]), CAST(:users AS uuid[]))
                             WITH ORDINALITY AS l(id, posting_id, location_id, item_id, movement_type, quantity,
                                                  unit_cost, document_type, document_id, reason, user_id, position)
                        ORDER BY l.position
                        RETURNING posting_id, id, location_id, item_id, movement_type, quantity, on_hand_before,
                                  on_hand_after, unit_cost, crossed_below_min""")
                .param("tenant", tenant)
                .param("postingIds", rows.postingIds.toArray(String[]::new))
                .param("kinds", rows.kinds.toArray(String[]::new))
                .param("postingTypes", rows.postingTypes.toArray(String[]::new))
                .param("postingDocuments", rows.postingDocuments.toArray(String[]::new))
                .param("postingReasons", rows.postingReasons.toArray(String[]::new))
                .param("notes", rows.notes.toArray(String[]::new))
                .param("postingUsers", rows.postingUsers.toArray(String[]::new))
                .param("ids", rows.ids.toArray(String[]::new))
                .param("linePostings", rows.lineIdsOfPosting.toArray(String[]::new))
                .param("locations", rows.locations.toArray(String[]::new))
                .param("items", rows.items.toArray(String[]::new))
                .param("types", rows.types.toArray(String[]::new))
                .param("quantities", rows.quantities.toArray(String[]::new))
                .param("costs", rows.costs.toArray(String[]::new))
                .param("documentTypes", rows.documentTypes.toArray(String[]::new))
                .param("documentIds", rows.documentIds.toArray(String[]::new))
                .param("reasons", rows.reasons.toArray(String[]::new))
                .param("users", rows.users.toArray(String[]::new))
                .query((rs, n) -> entries.get(rs.getObject("posting_id", UUID.class)).add(PostingEngine.entry(rs, n)))
                .list();
        Instant now = Instant.now();
        entries.values().stream().flatMap(List::stream).filter(Entry::crossedBelowMinimum).forEach(e ->
                events.publishEvent(new LowStockReached(tenant, e.locationId(), e.itemId(), e.onHandAfter())));
        return entries.entrySet().stream()
                .map(e -> new Posted(e.getKey(), now, List.copyOf(e.getValue()), negatives.apply(e.getValue()))).toList();
    }

    /** The statement's columns, one list per array parameter. */
    private static final class Rows {
        final List<String> postingIds = new ArrayList<>(), kinds = new ArrayList<>(), postingTypes = new ArrayList<>(),
                postingDocuments = new ArrayList<>(), postingReasons = new ArrayList<>(), notes = new ArrayList<>(),
                postingUsers = new ArrayList<>();
        final List<String> ids = new ArrayList<>(), lineIdsOfPosting = new ArrayList<>(), locations = new ArrayList<>(),
                items = new ArrayList<>(), types = new ArrayList<>(), quantities = new ArrayList<>(),
                costs = new ArrayList<>(), documentTypes = new ArrayList<>(), documentIds = new ArrayList<>(),
                reasons = new ArrayList<>(), users = new ArrayList<>();

        void add(UUID postingId, ByUser byUser, List<Line> lines) {
            StockPostings.Posting posting = byUser.posting();
            String user = text(byUser.userId());
            postingIds.add(postingId.toString());
            kinds.add(posting.kind());
            postingTypes.add(posting.documentType());
            postingDocuments.add(text(posting.documentId()));
            postingReasons.add(posting.reason());
            notes.add(posting.note());
            postingUsers.add(user);
            for (Line line : lines) {
                ids.add(Ids.next().toString());
                lineIdsOfPosting.add(postingId.toString());
                locations.add(line.locationId().toString());
                items.add(line.itemId().toString());
                types.add(line.movementType().code());
                quantities.add(line.quantity().toPlainString());
                costs.add(line.unitCost() == null ? null : line.unitCost().toPlainString());
                documentTypes.add(posting.documentType());
                documentIds.add(text(posting.documentId()));
                reasons.add(posting.reason());
                users.add(user);
            }
        }

        private static String text(UUID id) {
            return id == null ? null : id.toString();
        }
    }
}
