package dev.bodega.catalog.internal.transfer;

import dev.bodega.platform.CsvWriter;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** CSV import (a job: 202, then poll its progress) and export of items, in one column layout. */
@RestController
@Tag(name = "Catalog")
class ImportApiController {

    private final ItemImporter importer;
    private final ImportJobs jobs;
    private final ItemExport export;

    ImportApiController(ItemImporter importer, ImportJobs jobs, ItemExport export) {
        this.importer = importer;
        this.jobs = jobs;
        this.export = export;
    }

    @PostMapping(path = "/api/v1/items/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission("catalog.write")
    @Operation(summary = "Import items from a CSV file (columns as the export's; sku and name required), upserting by"
            + " SKU. mode=all_or_nothing imports nothing if any row is bad; skip_invalid imports the good rows."
            + " Answers 202 with the job; follow it at the Location")
    ResponseEntity<ImportJobs.JobView> start(@RequestParam("file") MultipartFile file,
                                             @RequestParam(defaultValue = "all_or_nothing") String mode) {
        ImportJobs.Mode chosen = ImportJobs.Mode.of(mode);
        if (chosen == null) {
            throw Problems.of(PlatformProblem.VALIDATION, "mode must be all_or_nothing or skip_invalid");
        }
        if (file.isEmpty()) {
            throw Problems.of(PlatformProblem.VALIDATION, "The file is empty");
        }
        ImportJobs.JobView job = importer.start(file, chosen);
        return ResponseEntity.accepted().location(URI.create("/api/v1/items/import/" + job.id())).body(job);
    }

    @GetMapping("/api/v1/items/import/{jobId}")
    @RequiresPermission("catalog.read")
    @Operation(summary = "An import's progress (rows read, imported, errors) and its error report (line, column, message)")
    ImportJobs.JobView status(@PathVariable UUID jobId) {
        return jobs.get(jobId);
    }

    @GetMapping("/api/v1/items/export")
    @RequiresPermission("catalog.read")
    @Operation(summary = "Every item as CSV, in the import's columns (streamed)")
    void export(HttpServletResponse response) throws IOException {
        CsvWriter.describe(response);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"items.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        export.write(out);
        out.flush();
    }
}
