package dev.bodega.inventory.internal.ledger;

import dev.bodega.inventory.LowStockReached;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.NegativeStockReached;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * DESIGN.md "The stock ledger": merge and sort the lines, lock their levels in
 * that order (creating missing ones, checking their locations and items), then
 * insert the ledger rows; the ledger trigger applies each row to its level
 * (conditional decrement, moving-average cost, crossing of the minimum). Two
 * statements per posting.
 */
@Service
class PostingEngine implements StockPostings {

    private static final Comparator<Line> LOCK_ORDER = Comparator
            .comparing((Line l) -> l.locationId().toString())
            .thenComparing(l -> l.itemId().toString())
            .thenComparing(l -> l.movementType().code());

    private final JdbcClient jdbc;
    private final PostingRules rules;
    private final ApplicationEventPublisher events;
    private final TenantSettingsService settings;
    private final MovementQuota quota;

    PostingEngine(JdbcClient jdbc, PostingRules rules, ApplicationEventPublisher events,
                  TenantSettingsService settings, MovementQuota quota) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.events = events;
        this.settings = settings;
        this.quota = quota;
    }

    @Override
    @Transactional
    public Posted post(Posting posting) {
        List<Line> lines = merge(posting.lines());
        rules.checkLines(lines);
        quota.check(lines.size());
        try {
            Map<String, PostingRules.Locked> levels = lockLevels(lines);
            rules.checkLocked(lines, levels);
            List<Line> costed = lines.stream().map(line -> withTransferCost(line, lines, levels)).toList();
            UUID postingId = Ids.next();
            List<Entry> entries = insert(postingId, posting, costed);
            publishCrossings(entries);
            return new Posted(postingId, Instant.now(), entries, negatives(entries));
        } catch (RuntimeException e) {
            throw PostingErrors.translate(e);
        }
    }

    @Override
    @Transactional
    public Decided decideEach(List<ByUser> postings) {
        List<List<Line>> merged = postings.stream().map(p -> merge(p.posting().lines())).toList();
        // The tenant row (a limited company's quota) before the levels, in the order post() takes them.
        TenantSettings company = settings.current();
        Long room = quota.room(company);
        Map<String, PostingRules.Locked> levels;
        try {
            levels = lockLevels(merged.stream().flatMap(List::stream).toList());
        } catch (RuntimeException e) {
            throw PostingErrors.translate(e);
        }
        BatchDecision decision = new BatchDecision(rules, levels, company.allowNegativeStock());
        List<ErrorResponseException> refusals = new ArrayList<>();
        List<List<Line>> costed = new ArrayList<>();
        for (List<Line> lines : merged) {
            ErrorResponseException refusal = room != null && lines.size() > room
                    ? MovementQuota.refusal(company.maxStockMovementsPerYear()) : decision.decide(lines);
            if (room != null && refusal == null) {
                room -= lines.size();
            }
            refusals.add(refusal);
            costed.add(refusal != null ? lines : lines.stream().map(l -> withTransferCost(l, lines, levels)).toList());
        }
        return new BatchWriter(jdbc, events, postings, costed, refusals, this::negatives);
    }

    /** One line per (location, item, movement): quantities add up, receipt costs average by quantity. */
    static List<Line> merge(List<Line> lines) {
        Map<String, Line> merged = new LinkedHashMap<>();
        for (Line line : lines) {
            String key = line.locationId() + "|" + line.itemId() + "|" + line.movementType();
            merged.merge(key, line, PostingEngine::combine);
        }
        return merged.values().stream().filter(l -> l.quantity().signum() != 0).sorted(LOCK_ORDER).toList();
    }

    private static Line combine(Line a, Line b) {
        BigDecimal quantity = a.quantity().add(b.quantity());
        BigDecimal cost = a.unitCost() == null || b.unitCost() == null || quantity.signum() == 0 ? a.unitCost()
                : a.unitCost().multiply(a.quantity()).add(b.unitCost().multiply(b.quantity()))
                        .divide(quantity, 4, java.math.RoundingMode.HALF_UP);
        return new Line(a.locationId(), a.itemId(), a.movementType(), quantity, cost);
    }

    /**
     * Creates missing levels and locks every level of the posting, in one sorted statement, for the lines whose
     * location and item exist and are active; a level left out is a line the rules then refuse (and the whole
     * transaction with it). Keyed by {@code location|item}: the level's average cost and the item's unit decimals.
     * Items are found by their key alone, one probe each (LATERAL … OFFSET 0, which the planner cannot flatten, see
     * ARCHITECTURE.md): a plan made while the statistics did not know the company's items yet walked all of them for
     * every posting (an opening-stock import of 20,000 items spent 0.97 s a posting of 500 lines there, 74% of its
     * time), and deleted_at in the probe let it take the partial SKU index, read by tenant alone, instead of the key.
     * The levels take their decimals from one map of the usable items: joined back to {@code usable} (both estimated
     * at one row) they were compared every one with every one, and Citus cannot join a modifying CTE's rows with a
     * probe of a distributed table.
     */
    private Map<String, PostingRules.Locked> lockLevels(List<Line> lines) {
        List<String> locations = new ArrayList<>();
        List<String> items = new ArrayList<>();
        lines.stream().map(l -> l.locationId() + "|" + l.itemId()).distinct().sorted().forEach(key -> {
            locations.add(key.substring(0, 36));
            items.add(key.substring(37));
        });
        Map<String, PostingRules.Locked> locked = new LinkedHashMap<>();
        jdbc.sql("""
                        WITH usable AS (
                            SELECT l.location_id, l.item_id, i.decimals
                            FROM unnest(CAST(:locations AS uuid[]), CAST(:items AS uuid[])) AS l(location_id, item_id)
                            JOIN locations loc ON loc.tenant_id = :tenant AND loc.id = l.location_id AND loc.active
                            CROSS JOIN LATERAL (SELECT i.active AND i.deleted_at IS NULL AS usable,
                                                       i.unit_decimals AS decimals
                                                FROM catalog_items i
                                                WHERE i.tenant_id = :tenant AND i.id = l.item_id OFFSET 0) i
                            WHERE i.usable
                        ), level AS (
                            INSERT INTO stock_levels (tenant_id, location_id, item_id)
                            SELECT :tenant, location_id, item_id FROM usable
                            ORDER BY location_id::text, item_id::text
                            ON CONFLICT (tenant_id, location_id, item_id) DO UPDATE SET updated_at = stock_levels.updated_at
                            RETURNING location_id, item_id, avg_cost, on_hand
                        ), decimals AS (
                            SELECT jsonb_object_agg(item_id::text, decimals) AS of_item FROM usable
                        )
                        SELECT level.location_id, level.item_id, level.avg_cost, level.on_hand,
                               (d.of_item ->> level.item_id::text)::int AS decimals
                        FROM level CROSS JOIN decimals d""")
                .param("tenant", TenantContext.tenantId())
                .param("locations", locations.toArray(String[]::new))
                .param("items", items.toArray(String[]::new))
                .query((rs, n) -> locked.put(rs.getString("location_id") + "|" + rs.getString("item_id"),
                        new PostingRules.Locked(rs.getBigDecimal("avg_cost"), rs.getInt("decimals"),
                                rs.getBigDecimal("on_hand"))))
                .list();
        return locked;
    }

    /** Stock transferred in arrives at the average cost it left with. */
    private static Line withTransferCost(Line line, List<Line> lines, Map<String, PostingRules.Locked> levels) {
        if (line.movementType() != MovementType.TRANSFER_IN || line.unitCost() != null) {
            return line;
        }
        BigDecimal cost = lines.stream()
                .filter(l -> l.movementType() == MovementType.TRANSFER_OUT && l.itemId().equals(line.itemId()))
                .map(l -> levels.get(l.locationId() + "|" + l.itemId()).averageCost())
                .findFirst().orElse(null);
        return new Line(line.locationId(), line.itemId(), line.movementType(), line.quantity(), cost);
    }

    private List<Entry> insert(UUID postingId, Posting posting, List<Line> lines) {
        int n = lines.size();
        String[] ids = new String[n];
        String[] locations = new String[n];
        String[] items = new String[n];
        String[] types = new String[n];
        String[] quantities = new String[n];
        String[] costs = new String[n];
        for (int i = 0; i < n; i++) {
            Line line = lines.get(i);
            ids[i] = Ids.next().toString();
            locations[i] = line.locationId().toString();
            items[i] = line.itemId().toString();
            types[i] = line.movementType().code();
            quantities[i] = line.quantity().toPlainString();
            costs[i] = line.unitCost() == null ? null : line.unitCost().toPlainString();
        }
        return jdbc.sql("""
                        WITH posting AS (
                            INSERT INTO stock_postings (tenant_id, id, kind, document_type, document_id, reason, note, user_id)
                            VALUES (:tenant, :posting, :kind, :documentType, :documentId, :reason, :note, :user)
                        )
                        INSERT INTO stock_ledger (tenant_id, id, posting_id, location_id, item_id, movement_type, quantity,
                                                  on_hand_before, on_hand_after, unit_cost, document_type, document_id,
                                                  reason, user_id)
                        SELECT :tenant, l.id, :posting, l.location_id, l.item_id, l.movement_type, l.quantity,
                               0, 0, l.unit_cost, :documentType, :documentId, :reason, :user
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:locations AS uuid[]), CAST(:items AS uuid[]),
                                    CAST(:types AS text[]), CAST(:quantities AS numeric[]), CAST(:costs AS numeric[]))
                             WITH ORDINALITY AS l(id, location_id, item_id, movement_type, quantity, unit_cost, position)
                        ORDER BY l.position
                        RETURNING id, location_id, item_id, movement_type, quantity, on_hand_before, on_hand_after,
                                  unit_cost, crossed_below_min""")
                .param("tenant", TenantContext.tenantId())
                .param("posting", postingId)
                .param("kind", posting.kind())
                .param("documentType", posting.documentType())
                .param("documentId", posting.documentId())
                .param("reason", posting.reason())
                .param("note", posting.note())
                .param("user", TenantContext.userId().orElse(null))
                .param("ids", ids).param("locations", locations).param("items", items)
                .param("types", types).param("quantities", quantities).param("costs", costs)
                .query(PostingEngine::entry)
                .list();
    }

    static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("location_id", UUID.class),
                rs.getObject("item_id", UUID.class), MovementType.fromCode(rs.getString("movement_type")),
                rs.getBigDecimal("quantity"), rs.getBigDecimal("on_hand_before"), rs.getBigDecimal("on_hand_after"),
                rs.getBigDecimal("unit_cost"), rs.getBoolean("crossed_below_min"));
    }

    /** A warning (and an event) per level this posting took below zero; the trigger refused it unless allowed. */
    private List<Warning> negatives(List<Entry> entries) {
        List<Entry> below = entries.stream()
                .filter(e -> e.quantity().signum() < 0 && e.onHandAfter().signum() < 0).toList();
        if (below.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> skus = new java.util.HashMap<>();
        jdbc.sql("SELECT id, sku FROM catalog_items WHERE id = ANY (CAST(:items AS uuid[]))")
                .param("items", below.stream().map(e -> e.itemId().toString()).distinct().toArray(String[]::new))
                .query((rs, n) -> skus.put(rs.getObject("id", UUID.class), rs.getString("sku"))).list();
        UUID tenant = TenantContext.tenantId();
        return below.stream().map(e -> {
            String sku = skus.get(e.itemId());
            events.publishEvent(new NegativeStockReached(tenant, e.locationId(), e.itemId(), sku, e.onHandAfter()));
            return new Warning(Warning.NEGATIVE_STOCK, e.itemId(), sku, e.locationId(), e.onHandAfter());
        }).toList();
    }

    private void publishCrossings(List<Entry> entries) {
        UUID tenant = TenantContext.tenantId();
        entries.stream().filter(Entry::crossedBelowMinimum).forEach(e ->
                events.publishEvent(new LowStockReached(tenant, e.locationId(), e.itemId(), e.onHandAfter())));
    }
}
