package dev.bodega.service.internal;

import dev.bodega.platform.Actor;
import dev.bodega.platform.FormNumbers;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.service.internal.ServiceForms.MovementForm;
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
import java.util.Arrays;
import java.util.UUID;

/**
 * The technician pages: movements (list, new, one movement with its return and settling), the loans still out,
 * and a technician's own page of the parts they hold, made to work on a phone.
 */
@Controller
class TechnicianPageController {

    /** The service pages' own words for a problem are {@code service.problem.<slug>}. */
    static final String AREA = "service";

    private final TechnicianMovements movements;
    private final ServiceLookups lookups;
    private final ServiceForms forms;
    private final ProblemMessages problems;

    TechnicianPageController(TechnicianMovements movements, ServiceLookups lookups, ServiceForms forms,
                            ProblemMessages problems) {
        this.movements = movements;
        this.lookups = lookups;
        this.forms = forms;
        this.problems = problems;
    }

    @GetMapping("/service/movements")
    @RequiresPermission("technicians.view")
    String list(@RequestParam(required = false) UUID technician, @RequestParam(required = false) String concept,
                @RequestParam(required = false) String workOrder, PageQuery<UUID> page, Model model) {
        String wanted = Arrays.stream(Concept.values()).map(Concept::code).filter(c -> c.equals(concept)).findFirst()
                .orElse(null);
        model.addAttribute("page", movements.list(new TechnicianMovements.Filter(technician, wanted, workOrder),
                page.cursor(), page.limit()));
        model.addAttribute("technician", technician);
        model.addAttribute("concept", wanted);
        model.addAttribute("workOrder", workOrder);
        model.addAttribute("technicians", lookups.technicians());
        model.addAttribute("concepts", Arrays.stream(Concept.values()).map(Concept::code).toList());
        return "service/movements";
    }

    @GetMapping("/service/movements/new")
    @RequiresPermission("technicians.create")
    String newMovement(@RequestParam(required = false) UUID technician, Model model) {
        return form(model, MovementForm.blank(technician));
    }

    @PostMapping("/service/movements")
    @RequiresPermission("technicians.create")
    String create(@ModelAttribute("form") MovementForm form, BindingResult errors, Model model) {
        TechnicianMovements.MovementRequest request = forms.movement(form, errors);
        if (!errors.hasErrors()) {
            try {
                movements.record(form.idempotencyKey(), request);
                return "redirect:" + (Actor.require().can("technicians.view") ? "/service/movements"
                        : "/service/my-parts");
            } catch (ErrorResponseException e) {
                refused(e, errors);
            }
        }
        return form(model, form);
    }

    @GetMapping("/service/movements/{id}")
    @RequiresPermission("technicians.view")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("movement", movements.get(id));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "service/movement";
    }

    /** From the movement's page, the loans page or the technician's own page ({@code back}), and back there. */
    @PostMapping("/service/movements/{id}/return")
    @RequiresPermission("technicians.create")
    String returnParts(@PathVariable UUID id, @RequestParam(required = false) String quantity,
                       @RequestParam(required = false) String note, @RequestParam(required = false) String idempotencyKey,
                       @RequestParam(required = false) String back, RedirectAttributes redirect) {
        BigDecimal amount = positive(quantity);
        if (amount == null) {
            redirect.addFlashAttribute("error", "service.form.quantity");
        } else {
            try {
                movements.returnParts(idempotencyKey, id, new TechnicianMovements.ReturnRequest(amount, note));
                redirect.addFlashAttribute("message", "service.done.returned");
            } catch (ErrorResponseException e) {
                redirect.addFlashAttribute("error", problems.refusal(e, AREA));
            }
        }
        return "redirect:" + back(back, id);
    }

    @PostMapping("/service/movements/{id}/settle")
    @RequiresPermission("technicians.settle")
    String settle(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            movements.settle(id);
            redirect.addFlashAttribute("message", "service.done.settled");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, AREA));
        }
        return "redirect:/service/movements/" + id;
    }

    @GetMapping("/service/loans")
    @RequiresPermission("technicians.view")
    String loans(@RequestParam(required = false) UUID technician, Model model) {
        model.addAttribute("loans", movements.loans(technician));
        model.addAttribute("technician", technician);
        model.addAttribute("technicians", lookups.technicians());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "service/loans";
    }

    @GetMapping("/service/my-parts")
    @RequiresPermission("technicians.own")
    String myParts(Model model) {
        UUID me = Actor.require().userId();
        model.addAttribute("loans", movements.loans(me));
        model.addAttribute("recent", movements.list(new TechnicianMovements.Filter(me, null, null), null, 20).items());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "service/my-parts";
    }

    private static String back(String back, UUID id) {
        if ("loans".equals(back)) {
            return "/service/loans";
        }
        return "my-parts".equals(back) ? "/service/my-parts" : "/service/movements/" + id;
    }

    private String form(Model model, MovementForm form) {
        model.addAttribute("form", form);
        model.addAttribute("locations", lookups.locations());
        model.addAttribute("technicians", lookups.technicians());
        model.addAttribute("concepts", Concept.recordable().stream().map(Concept::code).toList());
        model.addAttribute("types", Concept.TYPES);
        // A fresh key per rendering: a double-submitted form records once; a refused one was never claimed.
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "service/movement-form";
    }

    private void refused(ErrorResponseException e, BindingResult errors) {
        String key = problems.refusal(e, AREA);
        if (ServiceProblem.UNKNOWN_LOCATION.is(e)) {
            errors.rejectValue("locationId", key);
        } else if (ServiceProblem.NOT_A_TECHNICIAN.is(e)) {
            errors.rejectValue("technicianId", key);
        } else if (ServiceProblem.CONCEPT_TYPE.is(e)) {
            errors.rejectValue("type", key);
        } else {
            errors.reject(key);
        }
    }

    /** A quantity typed on a return form: a number above zero, or none. */
    private static BigDecimal positive(String text) {
        BigDecimal number = FormNumbers.decimal(text);
        return number == null || number.signum() <= 0 ? null : number;
    }
}
