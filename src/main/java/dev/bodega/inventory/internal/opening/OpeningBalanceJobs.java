package dev.bodega.inventory.internal.opening;

import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Import jobs and their error reports. Every write commits on its own
 * (REQUIRES_NEW): progress must be visible while an all-or-nothing import is
 * still inside its one long transaction, and must survive its rollback.
 */
@Repository
class OpeningBalanceJobs {

    /** Rows refused beyond this many are counted, not stored. */
    static final int MAX_STORED_ERRORS = 1000;
    /** A job whose heartbeat stopped this long ago was interrupted (its process ended): shown as 'interrupted'. */
    static final String STALE_AFTER = "10 minutes";

    record RowError(long line, String column, String message) {
    }

    record Progress(long bytesRead, int rowsRead, int rowsImported, int postings, int errorCount) {
    }

    record View(UUID id, String kind, String mode, String status, String fileName, long fileBytes, long bytesRead,
                int percent, int rowsRead, int rowsImported, int errorCount, int postings, String failure,
                UUID requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt, List<RowError> errors) {

        public boolean done() {
            return !status.equals("queued") && !status.equals("running");
        }

        View withErrors(List<RowError> errors) {
            return new View(id, kind, mode, status, fileName, fileBytes, bytesRead, percent, rowsRead, rowsImported,
                    errorCount, postings, failure, requestedBy, createdAt, startedAt, finishedAt, errors);
        }
    }

    private static final String SELECT_VIEW = """
            SELECT id, kind, mode,
                   CASE WHEN status IN ('queued', 'running') AND updated_at < now() - CAST('%1$s' AS interval)
                        THEN 'interrupted' ELSE status END AS status,
                   file_name, file_bytes, bytes_read,
                   CASE WHEN status = 'succeeded' THEN 100
                        WHEN file_bytes = 0 THEN 0
                        ELSE least(99, bytes_read * 100 / file_bytes) END AS percent,
                   rows_read, rows_imported, error_count, postings,
                   failure,
                   requested_by, created_at, started_at, finished_at
            FROM stock_import_jobs""".formatted(STALE_AFTER);

    private final JdbcClient jdbc;

    OpeningBalanceJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public UUID create(String mode, String fileName, long fileBytes, UUID requestedBy) {
        UUID id = Ids.next();
        jdbc.sql("""
                        INSERT INTO stock_import_jobs (tenant_id, id, mode, file_name, file_bytes, requested_by)
                        VALUES (:tenant, :id, :mode, :fileName, :fileBytes, :user)""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("mode", mode)
                .param("fileName", fileName == null ? null : fileName.substring(0, Math.min(fileName.length(), 255)))
                .param("fileBytes", fileBytes).param("user", requestedBy)
                .update();
        return id;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void started(UUID id) {
        jdbc.sql("""
                        UPDATE stock_import_jobs SET status = 'running', started_at = now(), updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("id", id).update();
    }

    /** Records how far the job got and the errors found since the last call ({@code firstPosition} = errors before them). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void progress(UUID id, Progress progress, List<RowError> errors, int firstPosition) {
        update(id, null, progress, null);
        int position = firstPosition;
        for (RowError error : errors) {
            if (position >= MAX_STORED_ERRORS) {
                break;
            }
            jdbc.sql("""
                            INSERT INTO stock_import_errors (tenant_id, job_id, position, line, column_name, message)
                            VALUES (:tenant, :job, :position, :line, :column, :message)""")
                    .param("tenant", TenantContext.tenantId()).param("job", id).param("position", position++)
                    .param("line", error.line()).param("column", error.column()).param("message", error.message())
                    .update();
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finish(UUID id, String status, Progress progress, String failure) {
        update(id, status, progress, failure);
    }

    @Transactional(readOnly = true)
    public View get(UUID id) {
        View job = jdbc.sql(SELECT_VIEW + " WHERE id = :id")
                .param("id", id).query(OpeningBalanceJobs::view).optional()
                .orElseThrow(() -> new NotFoundException("Import job"));
        return job.withErrors(jdbc.sql("""
                        SELECT line, column_name AS column, message FROM stock_import_errors
                        WHERE job_id = :id ORDER BY position""")
                .param("id", id).query(RowError.class).list());
    }

    @Transactional(readOnly = true)
    public List<View> recent(int limit) {
        return jdbc.sql(SELECT_VIEW + " ORDER BY id DESC LIMIT :limit")
                .param("limit", limit).query(OpeningBalanceJobs::view).list();
    }

    private void update(UUID id, String status, Progress progress, String failure) {
        jdbc.sql("""
                        UPDATE stock_import_jobs
                        SET status = coalesce(CAST(:status AS text), status), bytes_read = :bytesRead, rows_read = :rowsRead,
                            rows_imported = :rowsImported, postings = :postings, error_count = :errorCount,
                            failure = coalesce(CAST(:failure AS text), failure),
                            finished_at = CASE WHEN CAST(:status AS text) IS NULL THEN finished_at ELSE now() END,
                            updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("status", status).param("bytesRead", progress.bytesRead()).param("rowsRead", progress.rowsRead())
                .param("rowsImported", progress.rowsImported()).param("postings", progress.postings())
                .param("errorCount", progress.errorCount()).param("failure", failure).param("id", id)
                .update();
    }

    private static View view(ResultSet rs, int row) throws SQLException {
        return new View(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("mode"),
                rs.getString("status"), rs.getString("file_name"), rs.getLong("file_bytes"), rs.getLong("bytes_read"),
                rs.getInt("percent"), rs.getInt("rows_read"), rs.getInt("rows_imported"), rs.getInt("error_count"),
                rs.getInt("postings"), rs.getString("failure"), rs.getObject("requested_by", UUID.class),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
