package dev.bodega.messaging.internal.settings;

import dev.bodega.messaging.internal.Agents;
import dev.bodega.messaging.internal.InboxSettings;
import dev.bodega.messaging.internal.channels.Channels;
import dev.bodega.messaging.internal.conversations.Conversations;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantContext;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The inbox's settings page: rules (automatic assignment, business hours with an away message, the satisfaction
 * question), the agents in the round robin, and the web chat channels with the snippet to embed and a page to try
 * one as a visitor.
 */
@Controller
class InboxSettingsPageController {

    static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final InboxSettings settings;
    private final Agents agents;
    private final Conversations conversations;
    private final Channels channels;
    private final ProblemMessages problems;

    InboxSettingsPageController(InboxSettings settings, Agents agents, Conversations conversations, Channels channels,
                                ProblemMessages problems) {
        this.settings = settings;
        this.agents = agents;
        this.conversations = conversations;
        this.channels = channels;
        this.problems = problems;
    }

    @GetMapping("/inbox/settings")
    @RequiresPermission("messaging.manage")
    @Transactional(readOnly = true)
    String page(Model model) {
        InboxSettings.Settings current = settings.current();
        model.addAttribute("settings", current);
        model.addAttribute("days", DAYS);
        Map<String, String[]> hours = new LinkedHashMap<>();
        DAYS.forEach(day -> {
            List<List<String>> spans = current.businessHours().getOrDefault(day, List.of());
            hours.put(day, spans.isEmpty() ? new String[]{"", ""} : new String[]{spans.get(0).get(0), spans.get(0).get(1)});
        });
        model.addAttribute("hours", hours);
        model.addAttribute("agentStates", agents.list());
        model.addAttribute("agents", conversations.agents());
        model.addAttribute("channels", channels.list());
        model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        return "messaging/settings";
    }

    @PostMapping("/inbox/settings")
    @RequiresPermission("messaging.manage")
    @Transactional
    String save(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, List<List<String>>> hours = new LinkedHashMap<>();
        for (String day : DAYS) {
            String from = form.getOrDefault(day + "From", "").strip();
            String to = form.getOrDefault(day + "To", "").strip();
            if (from.isEmpty() && to.isEmpty()) {
                continue;
            }
            try {
                if (!LocalTime.parse(from).isBefore(LocalTime.parse(to))) {
                    throw new DateTimeParseException("from after to", from, 0);
                }
            } catch (DateTimeParseException e) {
                redirect.addFlashAttribute("error", "inbox.settings.hours.invalid");
                return "redirect:/inbox/settings";
            }
            hours.put(day, List.of(List.of(from, to)));
        }
        long version = Long.parseLong(form.getOrDefault("version", "0"));
        boolean saved = settings.save(TenantContext.tenantId(), new InboxSettings.Settings(
                "true".equals(form.get("autoAssign")), hours, blankToNull(form.get("awayMessage")),
                blankToNull(form.get("satisfactionQuestion")), version), version);
        redirect.addFlashAttribute(saved ? "message" : "error", saved ? "inbox.settings.saved" : "inbox.settings.stale");
        return "redirect:/inbox/settings";
    }

    @PostMapping("/inbox/settings/agents")
    @RequiresPermission("messaging.manage")
    @Transactional
    String saveAgent(@RequestParam UUID userId, @RequestParam(defaultValue = "false") boolean available,
                     @RequestParam(defaultValue = "10") int capacity, RedirectAttributes redirect) {
        if (conversations.agents().stream().noneMatch(a -> a.id().equals(userId))) {
            throw new NotFoundException("Agent");
        }
        agents.save(TenantContext.tenantId(), userId, available, capacity);
        redirect.addFlashAttribute("message", "inbox.settings.saved");
        return "redirect:/inbox/settings";
    }

    @PostMapping("/inbox/settings/web-chat")
    @RequiresPermission("messaging.manage")
    String createWebChat(@RequestParam(required = false) String name, @RequestParam(required = false) String greeting,
                         RedirectAttributes redirect) {
        if (name == null || name.isBlank()) {
            redirect.addFlashAttribute("error", "inbox.channel.name.required");
            return "redirect:/inbox/settings";
        }
        try {
            channels.createWebChat(new Channels.WebChatRequest(name, blankToNull(greeting)));
            redirect.addFlashAttribute("message", "inbox.channel.created");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, "inbox"));
        }
        return "redirect:/inbox/settings";
    }

    /** A page standing for the shop's site, with the channel's script: chat as a visitor would. */
    @GetMapping("/inbox/settings/web-chat/{id}/try")
    @RequiresPermission("messaging.read")
    String tryWebChat(@PathVariable UUID id, Model model) {
        Channels.ChannelView channel = channels.get(id);
        if (channel.publicKey() == null) {
            throw new NotFoundException("Channel");
        }
        model.addAttribute("channel", channel);
        return "messaging/webchat-try";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
