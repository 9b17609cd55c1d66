package dev.bodega.service.internal.machines;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.FormNumbers;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.platform.Text;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The partner portal's pages: "Mis máquinas" (its machines with readings and usage), "Registrar consumo" (parts used
 * on a machine) and "Mi stock" (its warehouses' levels). Row-level security keeps a partner user to its own rows.
 */
@Controller
class PortalPageController {

    private static final String AREA = "usage";
    private static final int MACHINES = 200;
    private static final int RECENT = 20;

    /** The usage form as typed, so a refused one comes back as it was. */
    record UsageForm(UUID machineId, UUID warehouseId, UUID itemId, String quantity,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate usedOn, String notes,
                     String idempotencyKey) {
    }

    private final Machines machines;
    private final PartUsage usage;
    private final PartnerStock stock;
    private final ProblemMessages problems;
    private final TenantSettingsService settings;

    PortalPageController(Machines machines, PartUsage usage, PartnerStock stock, ProblemMessages problems,
                         TenantSettingsService settings) {
        this.machines = machines;
        this.usage = usage;
        this.stock = stock;
        this.problems = problems;
        this.settings = settings;
    }

    @GetMapping("/portal/machines")
    @RequiresPermission("portal.read")
    String machines(Model model) {
        model.addAttribute("machines", machines.list(null, null, null, null, MACHINES).items());
        model.addAttribute("summaries", usage.summaries().stream()
                .collect(Collectors.toMap(PartUsage.Summary::machineId, Function.identity())));
        return "service/portal-machines";
    }

    @GetMapping("/portal/machines/{id}")
    @RequiresPermission("portal.read")
    String machine(@PathVariable UUID id, Model model) {
        model.addAttribute("machine", machines.get(id));
        model.addAttribute("readings", machines.readings(id));
        model.addAttribute("summary", usage.summary(id));
        model.addAttribute("parts", usage.parts(id));
        model.addAttribute("history", usage.list(id, null, null, CursorPage.DEFAULT_LIMIT).items());
        return "service/portal-machine";
    }

    @GetMapping("/portal/usage")
    @RequiresPermission("portal.usage")
    String usageForm(@RequestParam(required = false) UUID machineId, @RequestParam(required = false) String q,
                     Model model) {
        return usagePage(model, new UsageForm(machineId, null, null, "1", null, null, UUID.randomUUID().toString()), q);
    }

    @PostMapping("/portal/usage")
    @RequiresPermission("portal.usage")
    String record(@ModelAttribute("form") UsageForm form, BindingResult errors, Model model) {
        PartUsage.UsageRequest request = request(form, errors);
        if (!errors.hasErrors()) {
            try {
                boolean waits = usage.record(form.idempotencyKey(), request, "/api/v1/portal/part-usage")
                        .getStatusCode().value() == 202;
                return "redirect:/portal/machines/" + form.machineId() + (waits ? "?pending" : "?recorded");
            } catch (ErrorResponseException e) {
                errors.reject(problems.refusal(e, AREA));
            }
        }
        return usagePage(model, form, null);
    }

    @GetMapping("/portal/stock")
    @RequiresPermission("portal.read")
    String stock(@RequestParam(required = false) UUID warehouseId, @RequestParam(required = false) String q,
                 Model model) {
        model.addAttribute("warehouses", stock.warehouses(null));
        model.addAttribute("levels", stock.levels(warehouseId, q));
        model.addAttribute("warehouseId", warehouseId);
        model.addAttribute("q", q);
        model.addAttribute("limit", PartnerStock.MAX_ROWS);
        return "service/portal-stock";
    }

    private String usagePage(Model model, UsageForm form, String q) {
        model.addAttribute("form", form);
        model.addAttribute("machines", machines.list(null, null, null, null, MACHINES).items().stream()
                .filter(m -> !"decommissioned".equals(m.status())).toList());
        model.addAttribute("warehouses", stock.warehouses(null));
        model.addAttribute("items", stock.items(q, null));
        model.addAttribute("q", q);
        model.addAttribute("recent", usage.list(null, null, null, RECENT).items());
        return "service/portal-usage";
    }

    /** What the form stands for; a field left out or mistyped is rejected in the usage bundle's words. */
    private PartUsage.UsageRequest request(UsageForm form, BindingResult errors) {
        if (form.machineId() == null) {
            errors.rejectValue("machineId", "usage.machine.required");
        }
        if (form.warehouseId() == null) {
            errors.rejectValue("warehouseId", "usage.warehouse.required");
        }
        if (form.itemId() == null) {
            errors.rejectValue("itemId", "usage.item.required");
        }
        BigDecimal quantity = FormNumbers.decimal(form.quantity());
        if (quantity == null || quantity.signum() <= 0 || quantity.compareTo(new BigDecimal("99999999999")) > 0) {
            errors.rejectValue("quantity", "usage.quantity.required");
        }
        ZoneId zone = settings.current().zoneId();
        if (form.usedOn() != null && form.usedOn().isAfter(LocalDate.now(zone))) {
            errors.rejectValue("usedOn", "usage.usedAt.future");
        }
        return new PartUsage.UsageRequest(form.machineId(), form.warehouseId(), form.itemId(), quantity,
                usedAt(form.usedOn(), zone), Text.blankToNull(form.notes()));
    }

    /** Today (or no date) is now; an earlier day is its noon in the company's time zone. */
    private static Instant usedAt(LocalDate day, ZoneId zone) {
        return day == null || !day.isBefore(LocalDate.now(zone)) ? null : day.atTime(12, 0).atZone(zone).toInstant();
    }
}
