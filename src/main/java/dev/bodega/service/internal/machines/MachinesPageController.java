package dev.bodega.service.internal.machines;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.FormNumbers;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.UUID;

/** The machines pages: the register with its form, and one machine with its readings and the parts used on it. */
@Controller
class MachinesPageController {

    private static final String AREA = "machines";

    private final Machines machines;
    private final PartUsage usage;
    private final PartnerStock stock;
    private final ProblemMessages problems;

    MachinesPageController(Machines machines, PartUsage usage, PartnerStock stock, ProblemMessages problems) {
        this.machines = machines;
        this.usage = usage;
        this.stock = stock;
        this.problems = problems;
    }

    @GetMapping("/service/machines")
    @RequiresPermission("machines.read")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID organizationId,
                PageQuery<UUID> page, Model model) {
        model.addAttribute("form", empty());
        return listPage(model, q, organizationId, page);
    }

    @PostMapping("/service/machines")
    @RequiresPermission("machines.manage")
    String register(@Valid @ModelAttribute("form") Machines.MachineRequest form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/service/machines/" + machines.register(form).id() + "?created";
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        return listPage(model, null, null, PageQuery.first());
    }

    @GetMapping("/service/machines/{id}")
    @RequiresPermission("machines.read")
    String detail(@PathVariable UUID id, Model model) {
        Machines.MachineView machine = machines.get(id);
        model.addAttribute("form", new Machines.MachineRequest(machine.serialNumber(), machine.name(), machine.model(),
                machine.organizationId(), machine.purchaseDate(), machine.warrantyExpiry(), machine.status(),
                machine.lastMaintenance(), machine.nextMaintenance(), machine.location(), machine.notes()));
        model.addAttribute("version", machine.version());
        return detailPage(model, machine);
    }

    @PostMapping("/service/machines/{id}")
    @RequiresPermission("machines.manage")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") Machines.MachineRequest form,
                  BindingResult errors, @RequestParam long version, Model model) {
        Machines.MachineView machine = machines.get(id);
        if (!errors.hasErrors()) {
            try {
                machines.update(id, version, form);
                return "redirect:/service/machines/" + id + "?saved";
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        model.addAttribute("version", version);
        return detailPage(model, machine);
    }

    @PostMapping("/service/machines/{id}/readings")
    @RequiresPermission("machines.manage")
    String addReading(@PathVariable UUID id, @RequestParam String kind, @RequestParam(required = false) String value,
                      @RequestParam(required = false) String notes, RedirectAttributes redirect) {
        BigDecimal number = FormNumbers.decimal(value);
        if (number == null || number.signum() < 0 || !Machines.READING_KINDS.contains(kind)) {
            redirect.addFlashAttribute("readingError", "machines.reading.value.required");
        } else {
            machines.addReading(id, new Machines.ReadingRequest(kind, number, null, notes));
            redirect.addFlashAttribute("message", "machines.reading.saved");
        }
        return "redirect:/service/machines/" + id;
    }

    /** Staff record parts used on any customer's machine, from a warehouse of the machine's organization. */
    @PostMapping("/service/machines/{id}/usage")
    @RequiresPermission("machines.manage")
    String recordUsage(@PathVariable UUID id, @RequestParam(required = false) UUID warehouseId,
                       @RequestParam(required = false) UUID itemId, @RequestParam(required = false) String quantity,
                       @RequestParam(required = false) String notes,
                       @RequestParam(required = false) String idempotencyKey, RedirectAttributes redirect) {
        BigDecimal amount = FormNumbers.decimal(quantity);
        if (warehouseId == null || itemId == null || amount == null || amount.signum() <= 0) {
            redirect.addFlashAttribute("usageError", "usage.form.incomplete");
        } else {
            try {
                boolean waits = usage.record(idempotencyKey, new PartUsage.UsageRequest(id, warehouseId, itemId, amount,
                        null, notes), PartUsageApiController.COLLECTION).getStatusCode().value() == 202;
                redirect.addFlashAttribute("message", waits ? "usage.pending" : "usage.recorded");
            } catch (ErrorResponseException e) {
                redirect.addFlashAttribute("usageError", problems.refusal(e, AREA));
            }
        }
        return "redirect:/service/machines/" + id;
    }

    private static Machines.MachineRequest empty() {
        return new Machines.MachineRequest("", "", "", null, null, null, "active", null, null, "", "");
    }

    private String listPage(Model model, String q, UUID organizationId, PageQuery<UUID> page) {
        model.addAttribute("page", machines.list(q, organizationId, null, page.cursor(), page.limit()));
        model.addAttribute("owners", machines.owners());
        model.addAttribute("statuses", Machines.STATUSES);
        model.addAttribute("q", q);
        model.addAttribute("organizationId", organizationId);
        return "service/machines";
    }

    private String detailPage(Model model, Machines.MachineView machine) {
        model.addAttribute("machine", machine);
        model.addAttribute("readings", machines.readings(machine.id()));
        model.addAttribute("summary", usage.summary(machine.id()));
        model.addAttribute("parts", usage.parts(machine.id()));
        model.addAttribute("history", usage.list(machine.id(), null, null, CursorPage.DEFAULT_LIMIT).items());
        model.addAttribute("usageWarehouses", stock.warehouses(machine.organizationId()));
        model.addAttribute("usageItems", stock.items(null, machine.organizationId()));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("owners", machines.owners());
        model.addAttribute("statuses", Machines.STATUSES);
        return "service/machine";
    }

    /** A taken serial belongs to its field, a refused owner to the owner; anything else to the whole form. */
    private void reject(ErrorResponseException e, BindingResult errors) {
        String key = problems.refusal(e, AREA);
        if (MachineProblem.SERIAL_TAKEN.is(e)) {
            errors.rejectValue("serialNumber", key);
        } else if (MachineProblem.NOT_A_CUSTOMER.is(e)) {
            errors.rejectValue("organizationId", key);
        } else {
            errors.reject(key);
        }
    }
}
