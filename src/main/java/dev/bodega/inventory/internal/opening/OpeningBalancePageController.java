package dev.bodega.inventory.internal.opening;

import dev.bodega.inventory.internal.StockOpsPages;
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

import java.io.IOException;
import java.time.ZoneId;
import java.util.UUID;

/** Opening stock import page: upload with a mode, then the job's progress (polled by htmx) and its error report. */
@Controller
@RequiresPermission("inventory.manage")
class OpeningBalancePageController {

    record JobRow(OpeningBalanceJobs.View job, String createdAt, String finishedAt) {
    }

    private final OpeningBalanceImporter importer;
    private final OpeningBalanceJobs jobs;
    private final StockOpsPages pages;
    private final ProblemMessages problems;

    OpeningBalancePageController(OpeningBalanceImporter importer, OpeningBalanceJobs jobs, StockOpsPages pages,
                                 ProblemMessages problems) {
        this.problems = problems;
        this.importer = importer;
        this.jobs = jobs;
        this.pages = pages;
    }

    @GetMapping("/inventory/opening-balance")
    String page(Model model) {
        return uploadPage(model, "all_or_nothing", null);
    }

    @PostMapping("/inventory/opening-balance")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "all_or_nothing") String mode, Model model) throws IOException {
        try {
            return "redirect:/inventory/opening-balance/" + OpeningBalanceApiController.start(importer, file, mode);
        } catch (ErrorResponseException e) {
            return uploadPage(model, mode, problems.refusal(e, StockOpsPages.AREA));
        }
    }

    @GetMapping("/inventory/opening-balance/{jobId}")
    String job(@PathVariable UUID jobId, Model model) {
        model.addAttribute("row", row(jobs.get(jobId), pages.zone()));
        return "inventory/stockops/opening-balance-job";
    }

    /** The progress fragment; once the job is done it no longer asks to be polled. */
    @GetMapping("/inventory/opening-balance/{jobId}/progress")
    String progress(@PathVariable UUID jobId, Model model) {
        model.addAttribute("row", row(jobs.get(jobId), pages.zone()));
        return "inventory/stockops/opening-balance-job :: progress";
    }

    private String uploadPage(Model model, String mode, String error) {
        ZoneId zone = pages.zone();
        model.addAttribute("mode", OpeningBalanceImporter.MODES.contains(mode) ? mode : "all_or_nothing");
        model.addAttribute("modes", OpeningBalanceImporter.MODES);
        model.addAttribute("columns", OpeningBalanceImporter.COLUMNS);
        model.addAttribute("error", error);
        model.addAttribute("recent", jobs.recent(20).stream().map(job -> row(job, zone)).toList());
        return "inventory/stockops/opening-balance";
    }

    private static JobRow row(OpeningBalanceJobs.View job, ZoneId zone) {
        return new JobRow(job, StockOpsPages.when(job.createdAt(), zone), StockOpsPages.when(job.finishedAt(), zone));
    }
}
