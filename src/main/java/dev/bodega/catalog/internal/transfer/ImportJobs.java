package dev.bodega.catalog.internal.transfer;

import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Import jobs and their error reports. Progress is written in transactions of
 * its own, so a user sees it while the import's own transaction is still open.
 */
@Service
class ImportJobs {

    static final int REPORTED_ERRORS = 1000;

    enum Mode {
        ALL_OR_NOTHING, SKIP_INVALID;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Mode of(String code) {
            for (Mode mode : values()) {
                if (mode.code().equals(code)) {
                    return mode;
                }
            }
            return null;
        }
    }

    record JobView(UUID id, String fileName, String mode, String status, int rowsRead, int rowsImported,
                   int errorCount, String message, Instant createdAt, Instant startedAt, Instant finishedAt,
                   List<ItemCsv.RowError> errors) {
        public boolean finished() {
            return "completed".equals(status) || "failed".equals(status);
        }
    }

    private record JobRow(UUID id, String fileName, String mode, String status, int rowsRead, int rowsImported,
                          int errorCount, String message, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    private final JdbcClient jdbc;
    /** Jobs this process runs or will run: one left unfinished but not here was cut short by a restart. */
    private final Set<UUID> inThisProcess = ConcurrentHashMap.newKeySet();

    ImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public UUID create(UUID id, String fileName, Mode mode) {
        inThisProcess.add(id);
        jdbc.sql("""
                        INSERT INTO item_import_jobs (tenant_id, id, created_by, file_name, mode)
                        VALUES (:tenant, :id, :user, :file, :mode)""")
                .param("tenant", TenantContext.tenantId()).param("id", id)
                .param("user", TenantContext.userId().orElse(null))
                .param("file", fileName == null ? null : fileName.substring(0, Math.min(255, fileName.length())))
                .param("mode", mode.code())
                .update();
        return id;
    }

    /** The job with its first {@value #REPORTED_ERRORS} errors; one orphaned by a restart is marked failed first. */
    @Transactional
    public JobView get(UUID id) {
        JobRow job = row(id);
        if (!job.status().equals("completed") && !job.status().equals("failed") && !inThisProcess.contains(id)) {
            jdbc.sql("""
                            UPDATE item_import_jobs SET status = 'failed', finished_at = now(),
                                   message = 'Interrupted: the server stopped during the import'
                            WHERE tenant_id = :tenant AND id = :id AND status IN ('queued', 'running')""")
                    .param("tenant", TenantContext.tenantId())
                    .param("id", id).update();
            job = row(id);
        }
        List<ItemCsv.RowError> errors = jdbc.sql("""
                        SELECT line, column_name AS "column", message FROM item_import_errors
                        WHERE job_id = :id ORDER BY line, seq LIMIT :limit""")
                .param("id", id).param("limit", REPORTED_ERRORS)
                .query(ItemCsv.RowError.class).list();
        return new JobView(job.id(), job.fileName(), job.mode(), job.status(), job.rowsRead(), job.rowsImported(),
                job.errorCount(), job.message(), job.createdAt(), job.startedAt(), job.finishedAt(), errors);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void started(UUID id) {
        jdbc.sql("""
                        UPDATE item_import_jobs SET status = 'running', started_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("id", id).update();
    }

    /** Adds to the counters and stores the new errors (up to the reported maximum). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void progress(UUID id, int rowsRead, Integer rowsImported, List<ItemCsv.RowError> newErrors) {
        Integer stored = jdbc.sql("""
                        UPDATE item_import_jobs SET rows_read = :read, rows_imported = coalesce(:imported, rows_imported),
                               error_count = error_count + :errors
                        WHERE tenant_id = :tenant AND id = :id RETURNING error_count - :errors""")
                .param("tenant", TenantContext.tenantId())
                .param("read", rowsRead).param("imported", rowsImported).param("errors", newErrors.size())
                .param("id", id).query(Integer.class).single();
        int seq = stored;
        for (ItemCsv.RowError error : newErrors) {
            if (seq >= REPORTED_ERRORS) {
                break;
            }
            jdbc.sql("""
                            INSERT INTO item_import_errors (tenant_id, job_id, seq, line, column_name, message)
                            VALUES (:tenant, :job, :seq, :line, :column, :message)""")
                    .param("tenant", TenantContext.tenantId()).param("job", id).param("seq", seq++)
                    .param("line", error.line()).param("column", error.column()).param("message", error.message())
                    .update();
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finished(UUID id, boolean completed, int rowsImported, String message) {
        jdbc.sql("""
                        UPDATE item_import_jobs SET status = :status, rows_imported = :imported, message = :message,
                               finished_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("status", completed ? "completed" : "failed").param("imported", rowsImported)
                .param("message", message).param("id", id).update();
    }

    /** Called once the job's last state is committed (or it never started). */
    void leftProcess(UUID id) {
        inThisProcess.remove(id);
    }

    private JobRow row(UUID id) {
        return jdbc.sql("""
                        SELECT id, file_name, mode, status, rows_read, rows_imported, error_count, message,
                               created_at, started_at, finished_at
                        FROM item_import_jobs WHERE id = :id""")
                .param("id", id).query(JobRow.class).optional()
                .orElseThrow(() -> new NotFoundException("Import"));
    }
}
