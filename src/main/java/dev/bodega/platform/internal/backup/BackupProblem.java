package dev.bodega.platform.internal.backup;

import dev.bodega.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** Refusals of a company backup's import. */
enum BackupProblem implements ProblemType {

    INVALID("backup-invalid", HttpStatus.UNPROCESSABLE_CONTENT),
    TAMPERED("backup-tampered", HttpStatus.UNPROCESSABLE_CONTENT),
    NEWER("backup-from-newer-version", HttpStatus.UNPROCESSABLE_CONTENT);

    private final String slug;
    private final HttpStatus status;

    BackupProblem(String slug, HttpStatus status) {
        this.slug = slug;
        this.status = status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
