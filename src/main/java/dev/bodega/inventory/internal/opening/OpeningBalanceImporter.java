package dev.bodega.inventory.internal.opening;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.inventory.StockPostings.Line;
import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.inventory.internal.StockOpsMessages;
import dev.bodega.platform.Actor;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opening stock from a CSV file (columns location, sku, quantity, unit_cost,
 * bin, min_stock), as a background job. The file is read record by record;
 * every 500 rows are validated together (one query for their SKUs), posted as
 * one OPENING_BALANCE posting, and their bin and minimum set. all_or_nothing
 * runs the whole file in one transaction and keeps nothing if any row is bad;
 * skip_invalid commits each batch and reports the rows it left out.
 */
@Component
class OpeningBalanceImporter implements DisposableBean {

    static final int BATCH_SIZE = 500;
    static final List<String> MODES = List.of("all_or_nothing", "skip_invalid");
    static final List<String> REQUIRED_COLUMNS = List.of("location", "sku", "quantity");
    static final List<String> COLUMNS = List.of("location", "sku", "quantity", "unit_cost", "bin", "min_stock");
    private static final Logger log = LoggerFactory.getLogger(OpeningBalanceImporter.class);
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("99999999999.999");
    private static final BigDecimal MAX_COST = new BigDecimal("9999999999.9999");

    private final JdbcClient jdbc;
    private final StockPostings postings;
    private final OpeningBalanceJobs jobs;
    private final StockOpsMessages messages;
    private final TransactionTemplate transactions;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "opening-balance-import-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private static final AtomicInteger THREADS = new AtomicInteger();

    OpeningBalanceImporter(JdbcClient jdbc, StockPostings postings, OpeningBalanceJobs jobs, StockOpsMessages messages,
                           TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.postings = postings;
        this.jobs = jobs;
        this.messages = messages;
        this.transactions = transactions;
    }

    /**
     * Queues the import of {@code file} (which this job then owns and deletes) for the current user;
     * error messages are written in {@code locale}.
     */
    UUID start(Path file, String fileName, String mode, Locale locale) throws IOException {
        if (!MODES.contains(mode)) {
            Files.deleteIfExists(file);
            throw Problems.of(InventoryProblem.UNKNOWN_MODE, "Mode must be one of " + MODES);
        }
        // The worker thread acts as the caller: same tenant, same user, same visible locations.
        Actor actor = Actor.require();
        TenantContext.Scope scope = TenantContext.current().orElseThrow();
        UUID job = jobs.create(mode, fileName, Files.size(file), actor.userId());
        try {
            workers.execute(() -> runAs(actor, scope, () -> run(job, file, mode, locale)));
        } catch (RejectedExecutionException e) {
            Files.deleteIfExists(file);
            jobs.finish(job, "failed", new OpeningBalanceJobs.Progress(0, 0, 0, 0, 0),
                    messages.text(locale, "stockops.import.failure.unexpected"));
        }
        return job;
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    private static void runAs(Actor actor, TenantContext.Scope scope, Runnable work) {
        Actor.set(actor);
        try (TenantContext.Opened ignored = TenantContext.open(scope)) {
            work.run();
        } finally {
            Actor.set(null);
        }
    }

    private void run(UUID job, Path file, String mode, Locale locale) {
        Run run = new Run(job, mode.equals("all_or_nothing"), locale);
        try {
            jobs.started(job);
            try (CountingStream counted = new CountingStream(Files.newInputStream(file));
                 BufferedReader reader = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8))) {
                run.counted = counted;
                if (run.allOrNothing) {
                    transactions.executeWithoutResult(tx -> {
                        run.read(reader);
                        if (!run.succeeded()) {
                            tx.setRollbackOnly();
                        }
                    });
                } else {
                    run.read(reader);
                }
            }
            run.finish(null);
        } catch (PostingRefused e) {
            run.finish(messages.text(locale, "stockops.import.error.posting", e.getMessage()));
        } catch (UncheckedIOException | IOException | IllegalArgumentException | IllegalStateException e) {
            log.info("Import {} could not read its file: {}", job, e.getMessage());
            run.finish(messages.text(locale, "stockops.import.failure.unreadable", String.valueOf(run.lastLine + 1)));
        } catch (RuntimeException e) {
            log.error("Import {} failed", job, e);
            run.finish(messages.text(locale, "stockops.import.failure.unexpected"));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the uploaded file {}", file, e);
            }
        }
    }

    /** A posting that validation did not foresee was refused; in all_or_nothing it ends the import. */
    static final class PostingRefused extends RuntimeException {
        PostingRefused(ErrorResponseException cause) {
            super(cause.getBody().getDetail(), cause);
        }
    }

    private record Raw(long line, String location, String sku, String quantity, String unitCost, String bin,
                       String minStock) {
    }

    private record Place(UUID id, String name, boolean active, boolean visible) {
    }

    private record Item(UUID id, String sku, boolean active, int decimals, BigDecimal costPrice) {
    }

    private record Valid(long line, UUID locationId, UUID itemId, BigDecimal quantity, BigDecimal unitCost, String bin,
                         BigDecimal minStock) {
        String key() {
            return locationId + "|" + itemId;
        }
    }

    /** One import's state as it reads the file. */
    private final class Run {
        final UUID job;
        final boolean allOrNothing;
        final Locale locale;
        final List<OpeningBalanceJobs.RowError> pendingErrors = new ArrayList<>();
        Map<String, Place> places;
        CountingStream counted;
        char delimiter = ',';
        long lastLine;
        int rowsRead;
        int rowsImported;
        int postingsMade;
        int errorCount;
        int errorsReported;
        String failure;

        Run(UUID job, boolean allOrNothing, Locale locale) {
            this.job = job;
            this.allOrNothing = allOrNothing;
            this.locale = locale;
        }

        boolean succeeded() {
            return failure == null && (!allOrNothing || errorCount == 0);
        }

        void read(BufferedReader reader) throws UncheckedIOException {
            try {
                skipByteOrderMark(reader);
                delimiter = delimiter(reader);
                CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                        .setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true)
                        .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
                try (CSVParser parser = format.parse(reader)) {
                    Map<String, String> header = header(parser);
                    if (header == null) {
                        return;
                    }
                    // Row-level security needs a transaction (skip_invalid reads outside its batches' ones).
                    places = transactions.execute(tx -> places());
                    List<Raw> batch = new ArrayList<>(BATCH_SIZE);
                    lastLine = parser.getCurrentLineNumber();
                    for (CSVRecord record : parser) {
                        long line = lastLine + 1;
                        lastLine = parser.getCurrentLineNumber();
                        batch.add(raw(line, record, header));
                        if (batch.size() == BATCH_SIZE) {
                            flush(batch);
                            batch = new ArrayList<>(BATCH_SIZE);
                        }
                    }
                    flush(batch);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Column name → the file's own spelling of it; null (with errors reported) if a required one is missing. */
        private Map<String, String> header(CSVParser parser) {
            Map<String, String> header = new HashMap<>();
            parser.getHeaderNames().forEach(name -> header.put(name.trim().toLowerCase(Locale.ROOT), name));
            List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !header.containsKey(c)).toList();
            if (missing.isEmpty()) {
                return header;
            }
            missing.forEach(column -> error(1, column, "stockops.import.error.missingColumn", column));
            failure = text("stockops.import.failure.missingColumns", String.join(", ", missing));
            report();
            return null;
        }

        private Raw raw(long line, CSVRecord record, Map<String, String> header) {
            return new Raw(line, value(record, header, "location"), value(record, header, "sku"),
                    value(record, header, "quantity"), value(record, header, "unit_cost"), value(record, header, "bin"),
                    value(record, header, "min_stock"));
        }

        private static String value(CSVRecord record, Map<String, String> header, String column) {
            String name = header.get(column);
            if (name == null || !record.isSet(name)) {
                return "";
            }
            return record.get(name).trim();
        }

        private void flush(List<Raw> batch) {
            if (batch.isEmpty()) {
                return;
            }
            rowsRead += batch.size();
            if (allOrNothing) {
                process(batch);
            } else {
                try {
                    transactions.executeWithoutResult(tx -> process(batch));
                } catch (PostingRefused e) {
                    // The batch was rolled back: its rows were valid one by one, but the posting refused them.
                    lastBatchValid.forEach(v -> error(v.line(), null, "stockops.import.error.posting", e.getMessage()));
                }
            }
            report();
        }

        private List<Valid> lastBatchValid = List.of();

        private void process(List<Raw> batch) {
            Map<String, Item> items = items(batch);
            List<Valid> valid = new ArrayList<>();
            for (Raw raw : batch) {
                Valid row = validate(raw, items);
                if (row != null) {
                    valid.add(row);
                }
            }
            valid = withoutRepeats(valid);
            lastBatchValid = valid;
            if (allOrNothing && errorCount > 0) {
                return;
            }
            post(valid);
            setAttributes(valid);
            rowsImported += valid.size();
        }

        private Valid validate(Raw raw, Map<String, Item> items) {
            int before = errorCount;
            Place place = place(raw);
            Item item = item(raw, items);
            int decimals = item == null ? 3 : item.decimals();
            BigDecimal quantity = number(raw.line(), "quantity", raw.quantity(), true, decimals, MAX_QUANTITY);
            BigDecimal unitCost = number(raw.line(), "unit_cost", raw.unitCost(), false, 4, MAX_COST);
            BigDecimal minStock = number(raw.line(), "min_stock", raw.minStock(), false, decimals, MAX_QUANTITY);
            if (raw.bin().length() > 40) {
                error(raw.line(), "bin", "stockops.import.error.tooLong", 40);
            }
            if (errorCount > before || place == null || item == null) {
                return null;
            }
            return new Valid(raw.line(), place.id(), item.id(), quantity, unitCost == null ? item.costPrice() : unitCost,
                    raw.bin().isEmpty() ? null : raw.bin(), minStock);
        }

        private Place place(Raw raw) {
            if (raw.location().isEmpty()) {
                error(raw.line(), "location", "stockops.import.error.required");
                return null;
            }
            Place place = places.get(raw.location().toLowerCase(Locale.ROOT));
            if (place == null) {
                error(raw.line(), "location", "stockops.import.error.unknownLocation", raw.location());
            } else if (!place.active()) {
                error(raw.line(), "location", "stockops.import.error.inactiveLocation", place.name());
            } else if (!place.visible()) {
                error(raw.line(), "location", "stockops.import.error.locationNotAllowed", place.name());
            } else {
                return place;
            }
            return null;
        }

        private Item item(Raw raw, Map<String, Item> items) {
            if (raw.sku().isEmpty()) {
                error(raw.line(), "sku", "stockops.import.error.required");
                return null;
            }
            Item item = items.get(raw.sku().toLowerCase(Locale.ROOT));
            if (item == null) {
                error(raw.line(), "sku", "stockops.import.error.unknownSku", raw.sku());
            } else if (!item.active()) {
                error(raw.line(), "sku", "stockops.import.error.inactiveItem", item.sku());
            } else {
                return item;
            }
            return null;
        }

        /** A non-negative decimal with at most {@code decimals} places; null when empty and optional. */
        private BigDecimal number(long line, String column, String text, boolean required, int decimals, BigDecimal max) {
            if (text.isEmpty()) {
                if (required) {
                    error(line, column, "stockops.import.error.required");
                }
                return null;
            }
            BigDecimal value;
            try {
                // Spreadsheets that separate columns with ';' write decimals with ','.
                value = new BigDecimal(delimiter == ';' && !text.contains(".") ? text.replace(',', '.') : text);
            } catch (NumberFormatException e) {
                error(line, column, "stockops.import.error.notANumber", text);
                return null;
            }
            if (value.signum() < 0) {
                error(line, column, "stockops.import.error.negative");
            } else if (value.stripTrailingZeros().scale() > decimals) {
                error(line, column, "stockops.import.error.decimals", decimals);
            } else if (value.compareTo(max) > 0) {
                error(line, column, "stockops.import.error.tooLarge");
            } else {
                return value;
            }
            return null;
        }

        /** A (location, item) gets one opening balance: repeated in the file, or already moved, it is refused. */
        private List<Valid> withoutRepeats(List<Valid> rows) {
            if (rows.isEmpty()) {
                return rows;
            }
            Map<String, Long> stocked = stocked(rows);
            Map<String, Long> seen = new HashMap<>();
            List<Valid> kept = new ArrayList<>();
            for (Valid row : rows) {
                Long first = seen.putIfAbsent(row.key(), row.line());
                if (first != null) {
                    error(row.line(), "sku", "stockops.import.error.duplicate", String.valueOf(first));
                } else if (stocked.containsKey(row.key())) {
                    error(row.line(), "sku", "stockops.import.error.alreadyStocked");
                } else {
                    kept.add(row);
                }
            }
            return kept;
        }

        private void post(List<Valid> rows) {
            List<Line> lines = rows.stream().filter(r -> r.quantity().signum() > 0)
                    .map(r -> Line.in(r.locationId(), r.itemId(), MovementType.OPENING_BALANCE, r.quantity(), r.unitCost()))
                    .toList();
            if (lines.isEmpty()) {
                return;
            }
            try {
                postings.post(new StockPostings.Posting("opening_balance", "stock_import", job, null, null, lines));
            } catch (ErrorResponseException e) {
                throw new PostingRefused(e);
            }
            postingsMade++;
        }

        void finish(String fatal) {
            if (fatal != null && failure == null) {
                failure = fatal;
            }
            if (!succeeded() && allOrNothing) {
                rowsImported = 0;
                postingsMade = 0;
            }
            report();
            jobs.finish(job, succeeded() ? "succeeded" : "failed", progress(), failure);
        }

        private void report() {
            jobs.progress(job, progress(), List.copyOf(pendingErrors), errorsReported);
            errorsReported += pendingErrors.size();
            pendingErrors.clear();
        }

        private OpeningBalanceJobs.Progress progress() {
            return new OpeningBalanceJobs.Progress(counted == null ? 0 : counted.count, rowsRead, rowsImported, postingsMade,
                    errorCount);
        }

        private void error(long line, String column, String key, Object... args) {
            errorCount++;
            if (errorsReported + pendingErrors.size() < OpeningBalanceJobs.MAX_STORED_ERRORS) {
                pendingErrors.add(new OpeningBalanceJobs.RowError(line, column, text(key, args)));
            }
        }

        private String text(String key, Object... args) {
            return messages.text(locale, key, args);
        }
    }

    /** Locations by lower-cased name, with whether the importing user may move stock there. */
    private Map<String, Place> places() {
        Map<String, Place> places = new HashMap<>();
        jdbc.sql("SELECT id, name, active, id IN (SELECT v FROM app_visible_locations() v) AS visible FROM locations WHERE kind <> 'transit'")
                .query(Place.class).list()
                .forEach(place -> places.put(place.name().trim().toLowerCase(Locale.ROOT), place));
        return places;
    }

    /** The batch's items by lower-cased SKU, in one query. */
    private Map<String, Item> items(List<Raw> batch) {
        String[] skus = batch.stream().map(r -> r.sku().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .distinct().toArray(String[]::new);
        Map<String, Item> items = new HashMap<>();
        jdbc.sql("""
                        SELECT i.id, i.sku, i.active, i.unit_decimals AS decimals, i.cost_price FROM catalog_items i
                        WHERE i.deleted_at IS NULL AND i.sku_key = ANY (CAST(:skus AS text[]))""")
                .param("skus", skus)
                .query(Item.class).list()
                .forEach(item -> items.put(item.sku().toLowerCase(Locale.ROOT), item));
        return items;
    }

    /**
     * Levels among {@code rows} that already have stock or movements: one probe by key per row (LATERAL … OFFSET 0,
     * see ARCHITECTURE.md). A join left to the planner read every level of the company for each batch, as the
     * statistics never see the levels this import's own transaction has written.
     */
    private Map<String, Long> stocked(List<Valid> rows) {
        Map<String, Long> stocked = new HashMap<>();
        jdbc.sql("""
                        SELECT r.location_id, r.item_id
                        FROM unnest(CAST(:locations AS uuid[]), CAST(:items AS uuid[])) AS r(location_id, item_id)
                        CROSS JOIN LATERAL (SELECT 1 FROM stock_levels l
                                            WHERE l.tenant_id = :tenant AND l.location_id = r.location_id
                                              AND l.item_id = r.item_id
                                              AND (l.on_hand <> 0 OR l.last_movement_at IS NOT NULL) OFFSET 0) l""")
                .param("tenant", TenantContext.tenantId())
                .param("locations", rows.stream().map(r -> r.locationId().toString()).toArray(String[]::new))
                .param("items", rows.stream().map(r -> r.itemId().toString()).toArray(String[]::new))
                .query((rs, n) -> stocked.put(rs.getString("location_id") + "|" + rs.getString("item_id"), 0L))
                .list();
        return stocked;
    }

    /**
     * Bin and minimum of the imported levels: the missing levels first, then every one updated, so the low-stock flag
     * follows the new minimum. The update is written as an upsert that always conflicts: its arbiter index finds each
     * level by key, where an UPDATE … FROM unnest left the join to estimates that never see this import's own levels.
     */
    private void setAttributes(List<Valid> rows) {
        List<Valid> withAttributes = rows.stream().filter(r -> r.bin() != null || r.minStock() != null).toList();
        if (withAttributes.isEmpty()) {
            return;
        }
        String[] locations = withAttributes.stream().map(r -> r.locationId().toString()).toArray(String[]::new);
        String[] items = withAttributes.stream().map(r -> r.itemId().toString()).toArray(String[]::new);
        String[] bins = withAttributes.stream().map(Valid::bin).toArray(String[]::new);
        String[] minimums = withAttributes.stream()
                .map(r -> r.minStock() == null ? null : r.minStock().toPlainString()).toArray(String[]::new);
        jdbc.sql("""
                        INSERT INTO stock_levels (tenant_id, location_id, item_id)
                        SELECT :tenant, r.location_id, r.item_id
                        FROM unnest(CAST(:locations AS uuid[]), CAST(:items AS uuid[])) AS r(location_id, item_id)
                        ORDER BY r.location_id::text, r.item_id::text
                        ON CONFLICT (tenant_id, location_id, item_id) DO NOTHING""")
                .param("tenant", TenantContext.tenantId()).param("locations", locations).param("items", items)
                .update();
        jdbc.sql("""
                        INSERT INTO stock_levels AS l (tenant_id, location_id, item_id, bin, min_stock)
                        SELECT :tenant, r.location_id, r.item_id, r.bin, r.min_stock
                        FROM unnest(CAST(:locations AS uuid[]), CAST(:items AS uuid[]), CAST(:bins AS text[]),
                                    CAST(:minimums AS numeric[])) AS r(location_id, item_id, bin, min_stock)
                        ORDER BY r.location_id::text, r.item_id::text
                        ON CONFLICT (tenant_id, location_id, item_id) DO UPDATE
                        SET bin = coalesce(excluded.bin, l.bin), min_stock = coalesce(excluded.min_stock, l.min_stock),
                            updated_at = excluded.updated_at""")
                .param("tenant", TenantContext.tenantId()).param("locations", locations).param("items", items).param("bins", bins).param("minimums", minimums)
                .update();
    }

    /** A UTF-8 file saved by a spreadsheet may start with a byte order mark. */
    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** ';' when the header line uses it and no ',' (Spanish-locale spreadsheets), else ','. */
    private static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(64 * 1024);
        String first = reader.readLine();
        reader.reset();
        return first != null && first.contains(";") && !first.contains(",") ? ';' : ',';
    }

    /** Counts the bytes read from the file, for progress. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
