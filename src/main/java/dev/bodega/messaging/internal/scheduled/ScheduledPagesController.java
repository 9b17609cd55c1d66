package dev.bodega.messaging.internal.scheduled;

import dev.bodega.messaging.internal.conversations.Conversations;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Scheduled messages: the list (pending first), a form to write one to an open conversation for a time in the
 * company's time zone, and cancelling a pending one.
 */
@Controller
class ScheduledPagesController {

    private static final String AREA = "inbox";

    private final ScheduledMessages scheduled;
    private final Conversations conversations;
    private final TenantSettingsService settings;
    private final ProblemMessages problems;

    ScheduledPagesController(ScheduledMessages scheduled, Conversations conversations, TenantSettingsService settings,
                             ProblemMessages problems) {
        this.scheduled = scheduled;
        this.conversations = conversations;
        this.settings = settings;
        this.problems = problems;
    }

    @GetMapping("/messaging/scheduled")
    @RequiresPermission("messaging.read")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) UUID c, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("chosen", c);
        return page(model, status);
    }

    @PostMapping("/messaging/scheduled")
    @RequiresPermission("messaging.reply")
    String schedule(@RequestParam(required = false) UUID conversationId, @RequestParam(required = false) String content,
                    @RequestParam(required = false) String at, RedirectAttributes redirect) {
        String error = null;
        if (conversationId == null) {
            error = "inbox.scheduled.conversation.required";
        } else if (content == null || content.isBlank()) {
            error = "inbox.reply.required";
        } else {
            try {
                LocalDateTime local = LocalDateTime.parse(at == null ? "" : at);
                scheduled.schedule(new ScheduledMessages.ScheduleRequest(conversationId, content,
                        local.atZone(settings.current().zoneId()).toInstant()));
                redirect.addFlashAttribute("message", "inbox.scheduled.created");
                return "redirect:/messaging/scheduled";
            } catch (DateTimeParseException e) {
                error = "inbox.scheduled.at.required";
            } catch (ErrorResponseException e) {
                error = problems.refusal(e, AREA);
            }
        }
        redirect.addFlashAttribute("error", error);
        redirect.addFlashAttribute("draft", content);
        return "redirect:/messaging/scheduled?c=" + (conversationId == null ? "" : conversationId);
    }

    @PostMapping("/messaging/scheduled/{id}/cancel")
    @RequiresPermission("messaging.reply")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            scheduled.cancel(id);
            redirect.addFlashAttribute("message", "inbox.scheduled.cancelled");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, AREA));
        }
        return "redirect:/messaging/scheduled";
    }

    private String page(Model model, String status) {
        model.addAttribute("items", scheduled.list(status));
        model.addAttribute("statuses", List.of("pending", "sent", "failed", "cancelled"));
        model.addAttribute("open", conversations.list(new Conversations.Filter(null, null, null, null, false, false,
                null), null, 100).items());
        model.addAttribute("zone", settings.current().zoneId());
        return "messaging/scheduled";
    }
}
