package dev.bodega.inventory.internal.opening;

import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Opening stock from CSV: upload starts a background job (202); its progress and error report by id. */
@RestController
@RequestMapping("/api/v1/stock/opening-balance/import")
@Tag(name = "Opening stock import")
class OpeningBalanceApiController {

    private final OpeningBalanceImporter importer;
    private final OpeningBalanceJobs jobs;

    OpeningBalanceApiController(OpeningBalanceImporter importer, OpeningBalanceJobs jobs) {
        this.importer = importer;
        this.jobs = jobs;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission("inventory.manage")
    @Operation(summary = "Import opening stock from a CSV file (location, sku, quantity, unit_cost, bin, min_stock); "
            + "mode all_or_nothing (default) or skip_invalid")
    ResponseEntity<OpeningBalanceJobs.View> upload(@RequestParam("file") MultipartFile file,
                                           @RequestParam(defaultValue = "all_or_nothing") String mode) throws IOException {
        UUID job = start(importer, file, mode);
        return ResponseEntity.accepted().location(URI.create("/api/v1/stock/opening-balance/import/" + job))
                .body(jobs.get(job));
    }

    @GetMapping("/{jobId}")
    @RequiresPermission("inventory.manage")
    @Operation(summary = "An import's status, progress and error report (line, column, message)")
    OpeningBalanceJobs.View get(@PathVariable UUID jobId) {
        return jobs.get(jobId);
    }

    /** Moves the upload out of the request (it is streamed to disk, never held in memory) and queues the job. */
    static UUID start(OpeningBalanceImporter importer, MultipartFile file, String mode) throws IOException {
        if (file == null || file.isEmpty()) {
            throw Problems.of(InventoryProblem.EMPTY_FILE, "The file is empty");
        }
        if (!OpeningBalanceImporter.MODES.contains(mode)) {
            throw Problems.of(InventoryProblem.UNKNOWN_MODE, "Mode must be one of " + OpeningBalanceImporter.MODES);
        }
        Path copy = Files.createTempFile("bodega-opening-balance-", ".csv");
        try {
            file.transferTo(copy);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return importer.start(copy, file.getOriginalFilename(), mode, LocaleContextHolder.getLocale());
    }
}
