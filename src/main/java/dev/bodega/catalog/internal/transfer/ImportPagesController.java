package dev.bodega.catalog.internal.transfer;

import dev.bodega.catalog.internal.FormErrors;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.util.UUID;

/** The import page: upload with a mode, then the job's progress, refreshed by htmx every second until it ends. */
@Controller
class ImportPagesController {

    private final ItemImporter importer;
    private final ImportJobs jobs;
    private final ProblemMessages problems;

    ImportPagesController(ItemImporter importer, ImportJobs jobs, ProblemMessages problems) {
        this.importer = importer;
        this.jobs = jobs;
        this.problems = problems;
    }

    @GetMapping("/catalog/import")
    @RequiresPermission("catalog.write")
    String form(Model model) {
        return page(model);
    }

    @PostMapping("/catalog/import")
    @RequiresPermission("catalog.write")
    String start(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String mode,
                 Model model) {
        ImportJobs.Mode chosen = ImportJobs.Mode.of(mode);
        if (file == null || file.isEmpty() || chosen == null) {
            model.addAttribute("error", file == null || file.isEmpty() ? "catalog.import.noFile" : "catalog.import.noMode");
            return page(model);
        }
        try {
            return "redirect:/catalog/import/" + importer.start(file, chosen).id();
        } catch (ErrorResponseException e) {
            model.addAttribute("error", problems.refusal(e, FormErrors.AREA));
            return page(model);
        }
    }

    private static String page(Model model) {
        model.addAttribute("columns", String.join(",", ItemCsv.COLUMNS));
        return "catalog/import";
    }

    @GetMapping("/catalog/import/{jobId}")
    @RequiresPermission("catalog.read")
    String job(@PathVariable UUID jobId, Model model) {
        model.addAttribute("job", jobs.get(jobId));
        return "catalog/import-job";
    }

    /** Only the progress area, for htmx to swap in. */
    @GetMapping("/catalog/import/{jobId}/progress")
    @RequiresPermission("catalog.read")
    String progress(@PathVariable UUID jobId, Model model) {
        model.addAttribute("job", jobs.get(jobId));
        return "catalog/import-job :: progress";
    }
}
