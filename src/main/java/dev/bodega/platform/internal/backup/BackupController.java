package dev.bodega.platform.internal.backup;

import dev.bodega.platform.CompanyBackups;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

/** An admin downloads the company's own backup, from the settings page or the API. */
@Controller
@Tag(name = "Settings")
class BackupController {

    static final String PERMISSION = "company.backup";

    private final CompanyBackups backups;
    private final TenantSettingsService settings;
    private final Clock clock;

    BackupController(CompanyBackups backups, TenantSettingsService settings, Clock clock) {
        this.backups = backups;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/settings/backup")
    @RequiresPermission(PERMISSION)
    void page(HttpServletResponse response) throws IOException {
        download(response);
    }

    @GetMapping("/api/v1/backup")
    @RequiresPermission(PERMISSION)
    @Operation(summary = "The company's backup as a zip: one CSV per table and manifest.json (versions, row counts, "
            + "SHA-256 of each file), from one snapshot; an operator imports it as a company with --import-company")
    void api(HttpServletResponse response) throws IOException {
        download(response);
    }

    private void download(HttpServletResponse response) throws IOException {
        String slug = settings.current().slug();
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(slug + "-" + LocalDate.now(clock) + ".zip").build().toString());
        backups.export(TenantContext.tenantId(), response.getOutputStream());
    }
}
