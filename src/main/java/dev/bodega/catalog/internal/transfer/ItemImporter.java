package dev.bodega.catalog.internal.transfer;

import dev.bodega.platform.Text;
import dev.bodega.catalog.internal.CatalogProblem;
import dev.bodega.catalog.internal.categories.Categories;
import dev.bodega.catalog.internal.items.ExistingItems;
import dev.bodega.catalog.internal.items.ItemRequest;
import dev.bodega.catalog.internal.items.ItemRules;
import dev.bodega.catalog.internal.items.Items;
import dev.bodega.platform.Actor;
import dev.bodega.platform.Ids;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import jakarta.annotation.PreDestroy;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * CSV import of items as a background job. The upload is copied to a
 * temporary file and read back row by row (never whole in memory); each row
 * is validated by the same rules as the API; good rows are upserted by SKU in
 * batches of {@value #BATCH_SIZE}. All-or-nothing runs in one transaction
 * that is rolled back if any row is bad; skip-invalid commits batch by batch.
 */
@Service
class ItemImporter {

    static final int BATCH_SIZE = 500;
    private static final Logger log = LoggerFactory.getLogger(ItemImporter.class);

    private static final String UPSERT = """
            INSERT INTO items (tenant_id, id, sku, barcode, name, description, brand, category_id, kind, unit_code,
                cost_price, sale_price, min_stock, max_stock, proprietary, manufacturer_part_number,
                manufacturer_delivery_days, supplier_delivery_days, discontinued, restock_eta, image_urls, active)
            VALUES (:tenant, :id, :sku, :barcode, :name, :description, :brand, :categoryId, :kind, :unitCode,
                :costPrice, :salePrice, :minStock, :maxStock, :proprietary, :manufacturerPartNumber,
                :manufacturerDeliveryDays, :supplierDeliveryDays, :discontinued, :restockEta, :imageUrls, :active)
            ON CONFLICT (tenant_id, sku_key) WHERE deleted_at IS NULL DO UPDATE SET
                sku = EXCLUDED.sku, barcode = EXCLUDED.barcode, name = EXCLUDED.name,
                description = EXCLUDED.description, brand = EXCLUDED.brand, category_id = EXCLUDED.category_id,
                kind = EXCLUDED.kind, unit_code = EXCLUDED.unit_code, cost_price = EXCLUDED.cost_price,
                sale_price = EXCLUDED.sale_price, min_stock = EXCLUDED.min_stock, max_stock = EXCLUDED.max_stock,
                proprietary = EXCLUDED.proprietary, manufacturer_part_number = EXCLUDED.manufacturer_part_number,
                manufacturer_delivery_days = EXCLUDED.manufacturer_delivery_days,
                supplier_delivery_days = EXCLUDED.supplier_delivery_days, discontinued = EXCLUDED.discontinued,
                restock_eta = EXCLUDED.restock_eta, image_urls = EXCLUDED.image_urls, active = EXCLUDED.active,
                version = items.version + 1, updated_at = EXCLUDED.updated_at""";

    private final ImportJobs jobs;
    private final ItemRules rules;
    private final Categories categories;
    private final Validator validator;
    private final MessageSource messages;
    private final TenantSettingsService settings;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();

    ItemImporter(ImportJobs jobs, ItemRules rules, Categories categories, Validator validator, MessageSource messages,
                 TenantSettingsService settings, JdbcClient jdbc, NamedParameterJdbcTemplate batches,
                 PlatformTransactionManager transactionManager) {
        this.jobs = jobs;
        this.rules = rules;
        this.categories = categories;
        this.validator = validator;
        this.messages = messages;
        this.settings = settings;
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = new TransactionTemplate(transactionManager);
        workers.setThreadNamePrefix("item-import-");
        workers.setCorePoolSize(2);
        workers.setMaxPoolSize(2);
        workers.setQueueCapacity(50);
        workers.initialize();
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }

    /** Keeps the upload and queues the job, which runs as the requester, in their tenant and language. */
    public ImportJobs.JobView start(MultipartFile upload, ImportJobs.Mode mode) {
        java.nio.file.Path file = copy(upload);
        UUID id;
        try {
            id = jobs.create(Ids.next(), upload.getOriginalFilename(), mode);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        TenantContext.Scope scope = TenantContext.current().orElseThrow();
        Actor actor = Actor.current().orElse(null);
        Locale locale = LocaleContextHolder.getLocale();
        try {
            workers.execute(() -> runAs(scope, actor, locale, () -> run(id, file, mode, locale)));
        } catch (TaskRejectedException e) {
            jobs.finished(id, false, 0, message(locale, CatalogProblem.IMPORT_BUSY.messageKey()));
            jobs.leftProcess(id);
            delete(file);
            throw Problems.of(CatalogProblem.IMPORT_BUSY, "Too many imports are running; try again later");
        }
        return jobs.get(id);
    }

    private static void runAs(TenantContext.Scope scope, Actor actor, Locale locale, Runnable work) {
        Actor.set(actor);
        LocaleContextHolder.setLocale(locale);
        try (TenantContext.Opened ignored = TenantContext.open(scope)) {
            work.run();
        } finally {
            LocaleContextHolder.resetLocaleContext();
            Actor.set(null);
        }
    }

    private void run(UUID id, java.nio.file.Path file, ImportJobs.Mode mode, Locale locale) {
        Run run = new Run(id, mode, locale);
        try {
            jobs.started(id);
            run.readFile(file);
            jobs.finished(id, run.succeeded(), run.committed(), run.summary());
        } catch (IOException | UncheckedIOException e) {
            // Commons CSV reports a malformed file (an unclosed quote) as an I/O error while iterating.
            log.info("Import {} stopped: unreadable file near line {}: {}", id, run.line + 1, e.getMessage());
            run.report(new ItemCsv.RowError(run.line + 1, null, message(locale, "catalog.import.unreadable", run.line + 1)));
            run.saveProgress();
            jobs.finished(id, false, run.committedBeforeFailure(), message(locale, "catalog.import.failed"));
        } catch (RuntimeException e) {
            log.error("Import {} failed", id, e);
            jobs.finished(id, false, run.committedBeforeFailure(), message(locale, "catalog.import.failed"));
        } finally {
            jobs.leftProcess(id);
            delete(file);
        }
    }

    /** One import's state while it reads the file. */
    private final class Run {
        private final UUID jobId;
        private final ImportJobs.Mode mode;
        private final Locale locale;
        private final Map<String, Long> skuLines = new HashMap<>();
        private final Map<String, Long> barcodeLines = new HashMap<>();
        private final Map<String, UUID> categoryIds = new HashMap<>();
        private final List<ItemCsv.ParsedRow> batch = new ArrayList<>();
        private final List<ItemCsv.RowError> unsaved = new ArrayList<>();
        private ExistingItems existing;
        private long line = 1;
        private int rowsRead;
        private int written;
        private int errors;
        /** The file itself is unusable (empty, bad header): nothing is imported whatever the mode. */
        private boolean fatal;

        Run(UUID jobId, ImportJobs.Mode mode, Locale locale) {
            this.jobId = jobId;
            this.mode = mode;
            this.locale = locale;
        }

        void readFile(java.nio.file.Path file) throws IOException {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                ItemCsv.skipByteOrderMark(reader);
                reader.mark(1 << 16);
                String headerLine = reader.readLine();
                if (headerLine == null || headerLine.isBlank()) {
                    report(new ItemCsv.RowError(1, null, message(locale, "catalog.import.empty")));
                    fatal = true;
                    saveProgress();
                    return;
                }
                reader.reset();
                CSVParser parser;
                try {
                    parser = ItemCsv.format(ItemCsv.delimiterOf(headerLine)).parse(reader);
                } catch (IllegalArgumentException e) {
                    report(new ItemCsv.RowError(1, null, message(locale, "catalog.import.header.invalid", e.getMessage())));
                    fatal = true;
                    saveProgress();
                    return;
                }
                try (parser) {
                    List<ItemCsv.Problem> header = ItemCsv.checkHeader(parser.getHeaderNames());
                    header.forEach(p -> report(new ItemCsv.RowError(1, p.column(), message(locale, p.key(), p.args()))));
                    if (!header.isEmpty()) {
                        fatal = true;
                        saveProgress();
                        return;
                    }
                    int headerSize = parser.getHeaderNames().size();
                    if (mode == ImportJobs.Mode.ALL_OR_NOTHING) {
                        transactions.executeWithoutResult(tx -> {
                            readRows(parser, headerSize);
                            if (errors > 0) {
                                tx.setRollbackOnly();
                            }
                        });
                    } else {
                        readRows(parser, headerSize);
                    }
                }
            }
        }

        private void readRows(CSVParser parser, int headerSize) {
            for (CSVRecord record : parser) {
                line++;
                if (record.stream().allMatch(value -> value == null || value.isBlank())) {
                    continue;
                }
                rowsRead++;
                check(ItemCsv.parse(record, line, headerSize));
                if (batch.size() >= BATCH_SIZE) {
                    flush();
                }
            }
            flush();
        }

        /** Validates one row; a good one waits in the batch, a bad one is reported. */
        private void check(ItemCsv.ParsedRow row) {
            List<ItemCsv.RowError> found = new ArrayList<>();
            row.problems().forEach(p -> found.add(error(row, p.column(), p.key(), p.args())));
            for (ConstraintViolation<ItemRequest> violation : validator.validate(row.request())) {
                found.add(new ItemCsv.RowError(row.line(), ItemCsv.columnOf(field(violation.getPropertyPath())),
                        violation.getMessage()));
            }
            if (found.isEmpty()) {
                rules.violations(row.request(), false)
                        .forEach(v -> found.add(error(row, ItemCsv.columnOf(v.field()), v.key(), v.args())));
                checkCategoryPath(row, found);
                checkRepeated(row, found);
            }
            if (found.isEmpty()) {
                batch.add(row);
            } else {
                found.sort(Comparator.comparingInt(e -> e.column() == null ? -1 : ItemCsv.COLUMNS.indexOf(e.column())));
                found.forEach(this::report);
            }
        }

        private void checkCategoryPath(ItemCsv.ParsedRow row, List<ItemCsv.RowError> found) {
            if (row.categoryPath() == null) {
                return;
            }
            for (String part : row.categoryPath().split("/")) {
                if (part.trim().length() > 120) {
                    found.add(error(row, "category", "catalog.import.category.tooLong"));
                    return;
                }
            }
        }

        /** The same SKU or barcode twice in one file would silently overwrite the first row: refused instead. */
        private void checkRepeated(ItemCsv.ParsedRow row, List<ItemCsv.RowError> found) {
            String sku = row.request().sku().trim().toLowerCase(Locale.ROOT);
            Long first = skuLines.putIfAbsent(sku, row.line());
            if (first != null) {
                found.add(error(row, "sku", "catalog.import.sku.repeated", first));
            }
            String barcode = Text.blankToNull(row.request().barcode());
            if (barcode != null) {
                Long firstBarcode = barcodeLines.putIfAbsent(barcode, row.line());
                if (firstBarcode != null) {
                    found.add(error(row, "barcode", "catalog.import.barcode.repeated", firstBarcode));
                }
            }
        }

        private void flush() {
            if (!batch.isEmpty() && writing()) {
                List<ItemCsv.ParsedRow> rows = List.copyOf(batch);
                if (mode == ImportJobs.Mode.SKIP_INVALID) {
                    transactions.executeWithoutResult(tx -> write(rows));
                } else {
                    write(rows);
                }
            }
            batch.clear();
            saveProgress();
        }

        /** All-or-nothing stops writing at the first bad row (it will all be rolled back) but keeps checking. */
        private boolean writing() {
            return mode == ImportJobs.Mode.SKIP_INVALID || errors == 0;
        }

        /** Refuses rows whose barcode another item holds or that exceed the plan, then upserts the rest by SKU. */
        private void write(List<ItemCsv.ParsedRow> rows) {
            if (existing == null) {
                existing = ExistingItems.load(jdbc);
            }
            List<ItemCsv.ParsedRow> good = withinPlan(withFreeBarcodes(rows));
            if (!writing()) {
                return;
            }
            List<SqlParameterSource> params = new ArrayList<>(good.size());
            for (ItemCsv.ParsedRow row : good) {
                UUID categoryId = row.categoryPath() == null ? null : categories.resolvePath(row.categoryPath(), categoryIds);
                ItemRules.ValidItem item = rules.normalize(row.request());
                params.add(new MapSqlParameterSource(Items.params(item))
                        .addValue("tenant", TenantContext.tenantId()).addValue("id", Ids.next())
                        .addValue("categoryId", categoryId));
            }
            batches.batchUpdate(UPSERT, params.toArray(SqlParameterSource[]::new));
            good.forEach(row -> existing.written(skuKey(row)));
            written += good.size();
        }

        private List<ItemCsv.ParsedRow> withFreeBarcodes(List<ItemCsv.ParsedRow> rows) {
            List<ItemCsv.ParsedRow> free = new ArrayList<>();
            for (ItemCsv.ParsedRow row : rows) {
                String barcode = Text.blankToNull(row.request().barcode());
                if (barcode != null && existing.otherOwner(barcode, skuKey(row)) != null) {
                    report(error(row, "barcode", "catalog.import.barcode.taken", barcode));
                } else {
                    existing.rewriting(skuKey(row));
                    free.add(row);
                }
            }
            return free;
        }

        /** New SKUs count against the plan's item limit; the tenant row is locked so creations cannot race past it. */
        private List<ItemCsv.ParsedRow> withinPlan(List<ItemCsv.ParsedRow> rows) {
            int maxItems = settings.currentLocked().maxItems();
            long room = maxItems - existing.live();
            List<ItemCsv.ParsedRow> within = new ArrayList<>();
            for (ItemCsv.ParsedRow row : rows) {
                boolean isNew = existing.isNew(skuKey(row));
                if (isNew && room <= 0) {
                    report(error(row, "sku", "catalog.import.maxItems", maxItems));
                } else {
                    within.add(row);
                    room -= isNew ? 1 : 0;
                }
            }
            return within;
        }

        private static String skuKey(ItemCsv.ParsedRow row) {
            return row.request().sku().trim().toLowerCase(Locale.ROOT);
        }

        void report(ItemCsv.RowError error) {
            errors++;
            unsaved.add(error);
        }

        void saveProgress() {
            jobs.progress(jobId, rowsRead, mode == ImportJobs.Mode.SKIP_INVALID ? written : null, List.copyOf(unsaved));
            unsaved.clear();
        }

        boolean succeeded() {
            return !fatal && (mode == ImportJobs.Mode.SKIP_INVALID || errors == 0);
        }

        int committed() {
            return succeeded() ? written : 0;
        }

        /** What survived a failure: skip-invalid's finished batches; all-or-nothing rolls everything back. */
        int committedBeforeFailure() {
            return mode == ImportJobs.Mode.SKIP_INVALID ? written : 0;
        }

        String summary() {
            if (!succeeded()) {
                return message(locale, "catalog.import.summary.nothing", errors);
            }
            return message(locale, "catalog.import.summary.done", written, errors);
        }

        private ItemCsv.RowError error(ItemCsv.ParsedRow row, String column, String key, Object... args) {
            return new ItemCsv.RowError(row.line(), column, message(locale, key, args));
        }
    }

    private static String field(Path path) {
        for (Path.Node node : path) {
            return node.getName();
        }
        return "";
    }

    private String message(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static java.nio.file.Path copy(MultipartFile upload) {
        try {
            java.nio.file.Path file = Files.createTempFile("bodega-import-", ".csv");
            try (var in = upload.getInputStream()) {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }
}
