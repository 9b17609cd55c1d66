package dev.bodega.messaging.internal.assistants;

import dev.bodega.messaging.internal.channels.Channels;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The assistants' pages: the list, one assistant's form with its test chat, and the metrics with their charts.
 * Spanish and English through the {@code assistants} bundle.
 */
@Controller
class AssistantsPageController {

    static final String AREA = "assistants";

    private final Assistants assistants;
    private final Channels channels;
    private final TestChat testChat;
    private final AssistantMetrics metrics;
    private final Validator validator;
    private final ProblemMessages problems;
    private final TransactionTemplate transactions;

    AssistantsPageController(Assistants assistants, Channels channels, TestChat testChat, AssistantMetrics metrics,
                             Validator validator, ProblemMessages problems, TransactionTemplate transactions) {
        this.assistants = assistants;
        this.channels = channels;
        this.testChat = testChat;
        this.metrics = metrics;
        this.validator = validator;
        this.problems = problems;
        this.transactions = transactions;
    }

    @GetMapping("/messaging/assistants")
    @RequiresPermission("messaging.read")
    @Transactional(readOnly = true)
    String list(Model model) {
        model.addAttribute("assistants", assistants.list());
        model.addAttribute("channelNames", channels.list().stream()
                .collect(Collectors.toMap(Channels.ChannelView::id, Channels.ChannelView::name)));
        return "messaging/assistants";
    }

    @GetMapping("/messaging/assistants/new")
    @RequiresPermission("messaging.manage")
    @Transactional(readOnly = true)
    String newForm(Model model) {
        return form(model, null, new AssistantForm());
    }

    @PostMapping("/messaging/assistants/new")
    @RequiresPermission("messaging.manage")
    @Transactional
    String create(@ModelAttribute("assistant") AssistantForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (!valid(form, result)) {
            return form(model, null, form);
        }
        try {
            UUID id = assistants.create(form.request());
            redirect.addFlashAttribute("message", "assistants.saved");
            return "redirect:/messaging/assistants/" + id;
        } catch (ErrorResponseException e) {
            result.reject(problems.refusal(e, AREA));
            return form(model, null, form);
        }
    }

    @GetMapping("/messaging/assistants/{id}")
    @RequiresPermission("messaging.read")
    @Transactional(readOnly = true)
    String edit(@PathVariable UUID id, Model model) {
        return form(model, assistants.get(id), AssistantForm.of(assistants.get(id)));
    }

    @PostMapping("/messaging/assistants/{id}")
    @RequiresPermission("messaging.manage")
    @Transactional
    String update(@PathVariable UUID id, @ModelAttribute("assistant") AssistantForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        Assistant current = assistants.get(id);
        if (!valid(form, result)) {
            return form(model, current, form);
        }
        try {
            if (!assistants.update(id, form.request(), form.getVersion())) {
                result.reject("assistants.stale");
                return form(model, current, form);
            }
        } catch (ErrorResponseException e) {
            result.reject(problems.refusal(e, AREA));
            return form(model, current, form);
        }
        redirect.addFlashAttribute("message", "assistants.saved");
        return "redirect:/messaging/assistants/" + id;
    }

    @PostMapping("/messaging/assistants/{id}/delete")
    @RequiresPermission("messaging.manage")
    @Transactional
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        assistants.delete(id);
        redirect.addFlashAttribute("message", "assistants.deleted");
        return "redirect:/messaging/assistants";
    }

    /** The test chat: the model is asked outside any transaction, so no connection waits on it. */
    @PostMapping("/messaging/assistants/{id}/test")
    @RequiresPermission("messaging.manage")
    String test(@PathVariable UUID id, @RequestParam(defaultValue = "") String message, Model model) {
        if (!message.isBlank()) {
            model.addAttribute("question", message.strip());
            model.addAttribute("reply", testChat.ask(id, message.strip()));
        }
        return transactions.execute(s -> {
            Assistant assistant = assistants.get(id);
            return form(model, assistant, AssistantForm.of(assistant));
        });
    }

    @GetMapping("/messaging/assistants/metrics")
    @RequiresPermission("messaging.read")
    @Transactional(readOnly = true)
    String metrics(@RequestParam(defaultValue = "30") int days, Model model) {
        AssistantMetrics.Report report = metrics.report(days == 7 || days == 90 ? days : 30);
        model.addAttribute("report", report);
        model.addAttribute("chart", MetricsChart.of(report.daily()));
        return "messaging/assistant-metrics";
    }

    private String form(Model model, Assistant assistant, AssistantForm form) {
        model.addAttribute("assistant", form);
        model.addAttribute("current", assistant);
        model.addAttribute("channels", channels.list());
        model.addAttribute("days", AssistantForm.DAYS);
        return "messaging/assistant-form";
    }

    /** Binding errors and the request's own rules, each shown beside its field. */
    private boolean valid(AssistantForm form, BindingResult result) {
        if (form.getTemperature() != null && !form.getTemperature().isBlank() && form.request().temperature() == null) {
            result.rejectValue("temperature", "assistants.invalid");
        }
        for (ConstraintViolation<AssistantRequest> v : validator.validate(form.request())) {
            String field = v.getPropertyPath().toString();
            if (!result.hasFieldErrors(field)) {
                result.rejectValue(field, "assistants.invalid");
            }
        }
        return !result.hasErrors();
    }
}
