package dev.bodega.messaging.internal.conversations;

import dev.bodega.messaging.internal.ConversationStatus;
import dev.bodega.messaging.internal.Json;
import dev.bodega.messaging.internal.MediaFiles;
import dev.bodega.messaging.internal.Outgoing;
import dev.bodega.messaging.internal.contacts.ContactDirectory;
import dev.bodega.messaging.internal.templates.ResponseTemplates;
import dev.bodega.messaging.internal.templates.Tags;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The agent's inbox: conversations filtered by status, assignee, tag, channel and unread; the open conversation's
 * thread with the reply box (canned answers by typing {@code /}); the contact beside it with the linked customer's
 * recent and open sales. The list and the thread are fragments too, fetched again when the live stream says so.
 */
@Controller
class InboxPageController {

    static final String AREA = "inbox";
    static final int THREAD = 100;

    /** The list's filters as the page's query parameters. */
    record Query(String status, String assignee, UUID tag, String platform, Boolean unread, Boolean snoozed, String q,
                 String cursor) {

        /** The open conversations unless a status is chosen; {@code all} is every status. */
        Conversations.Filter filter() {
            String chosen = status == null || status.isBlank() ? "active" : "all".equals(status) ? null : status;
            return new Conversations.Filter(chosen, assignee, tag, platform, Boolean.TRUE.equals(unread),
                    Boolean.TRUE.equals(snoozed), q);
        }
    }

    private final Conversations conversations;
    private final Outgoing outgoing;
    private final ContactDirectory contacts;
    private final ResponseTemplates templates;
    private final Tags tags;
    private final ProblemMessages problems;
    private final Json json;
    private final MediaFiles media;
    private final TransactionTemplate transactions;

    InboxPageController(Conversations conversations, Outgoing outgoing, ContactDirectory contacts,
                        ResponseTemplates templates, Tags tags, ProblemMessages problems, Json json, MediaFiles media,
                        TransactionTemplate transactions) {
        this.json = json;
        this.media = media;
        this.transactions = transactions;
        this.conversations = conversations;
        this.outgoing = outgoing;
        this.contacts = contacts;
        this.templates = templates;
        this.tags = tags;
        this.problems = problems;
    }

    @GetMapping("/inbox")
    @RequiresPermission("messaging.read")
    String inbox(@ModelAttribute("query") Query query, @RequestParam(required = false) UUID c, Model model) {
        list(query, model);
        model.addAttribute("statuses", List.of("active", "pending", "resolved", "closed"));
        model.addAttribute("platforms", Conversations.PLATFORMS);
        model.addAttribute("tags", tags.list());
        model.addAttribute("agents", conversations.agents());
        model.addAttribute("cannedJson", json.write(templates.canned()).replace("<", "\\u003c"));
        if (c != null) {
            thread(c, model);
        }
        return "messaging/inbox";
    }

    @GetMapping("/inbox/list")
    @RequiresPermission("messaging.read")
    String listFragment(@ModelAttribute("query") Query query, @RequestParam(required = false) UUID c, Model model) {
        list(query, model);
        model.addAttribute("current", c);
        return "messaging/inbox :: list";
    }

    @GetMapping("/inbox/c/{id}/thread")
    @RequiresPermission("messaging.read")
    String threadFragment(@PathVariable UUID id, Model model) {
        thread(id, model);
        model.addAttribute("agents", conversations.agents());
        model.addAttribute("tags", tags.list());
        return "messaging/inbox :: conversation";
    }

    /** A reply or a note; with a file, the file goes as an attachment and the text as its caption. */
    @PostMapping("/inbox/c/{id}/reply")
    @RequiresPermission("messaging.reply")
    String reply(@PathVariable UUID id, @RequestParam(required = false) String content,
                 @RequestParam(defaultValue = "false") boolean note, @RequestParam(required = false) UUID templateId,
                 @RequestParam(required = false) MultipartFile file, HttpServletRequest request, Model model,
                 RedirectAttributes redirect) {
        boolean attached = file != null && !file.isEmpty();
        String error = null;
        if (!attached && (content == null || content.isBlank())) {
            error = "inbox.reply.required";
        } else if (attached && file.getSize() > MediaFiles.MAX_BYTES) {
            error = "inbox.reply.fileTooLarge";
        } else {
            try {
                // The file and its message are kept together or not at all.
                transactions.executeWithoutResult(s -> outgoing.send(TenantContext.tenantId(),
                        attached ? attachment(id, content, note, file)
                                : new Outgoing.Reply(id, "user", TenantContext.userId().orElse(null), content.strip(),
                                "text", null, note, false, templateId, List.of(), null)));
            } catch (ErrorResponseException e) {
                error = problems.refusal(e, AREA);
            }
        }
        return answer(id, request, model, redirect, error, error == null ? null : content);
    }

    /** Keeps the file (in the reply's transaction) and makes the reply that carries it. */
    private Outgoing.Reply attachment(UUID id, String caption, boolean note, MultipartFile file) {
        String type = file.getContentType() == null ? "application/octet-stream" : file.getContentType();
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "file"
                : file.getOriginalFilename();
        UUID fileId = media.store(TenantContext.tenantId(), type, name.length() > 255 ? name.substring(0, 255) : name, bytes);
        String text = caption == null || caption.isBlank() ? name : caption.strip();
        return new Outgoing.Reply(id, "user", TenantContext.userId().orElse(null), text, MediaFiles.typeOf(type),
                MediaFiles.URL + fileId, note, false, null, List.of(), null);
    }

    @PostMapping("/inbox/c/{id}/status")
    @RequiresPermission("messaging.reply")
    String status(@PathVariable UUID id, @RequestParam String status, HttpServletRequest request, Model model,
                  RedirectAttributes redirect) {
        return act(id, request, model, redirect, () -> conversations.changeStatus(id, status));
    }

    @PostMapping("/inbox/c/{id}/assignee")
    @RequiresPermission("messaging.reply")
    String assign(@PathVariable UUID id, @RequestParam(required = false) String assignee, HttpServletRequest request,
                  Model model, RedirectAttributes redirect) {
        return act(id, request, model, redirect, () -> conversations.assign(id, assignee));
    }

    @PostMapping("/inbox/c/{id}/priority")
    @RequiresPermission("messaging.reply")
    String priority(@PathVariable UUID id, @RequestParam String priority, HttpServletRequest request, Model model,
                    RedirectAttributes redirect) {
        return act(id, request, model, redirect, () -> conversations.changePriority(id, priority));
    }

    /** {@code hours}: how long to snooze; 0 wakes the conversation. */
    @PostMapping("/inbox/c/{id}/snooze")
    @RequiresPermission("messaging.reply")
    String snooze(@PathVariable UUID id, @RequestParam int hours, HttpServletRequest request, Model model,
                  RedirectAttributes redirect) {
        Instant until = hours <= 0 ? null : Instant.now().plus(Duration.ofHours(Math.min(hours, 24 * 30)));
        return act(id, request, model, redirect, () -> conversations.snooze(id, until));
    }

    @PostMapping("/inbox/c/{id}/tags")
    @RequiresPermission("messaging.reply")
    String tag(@PathVariable UUID id, @RequestParam UUID tagId, @RequestParam(defaultValue = "true") boolean on,
               HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return act(id, request, model, redirect, () -> conversations.tag(id, tagId, on));
    }

    private String act(UUID id, HttpServletRequest request, Model model, RedirectAttributes redirect, Runnable action) {
        String error = null;
        try {
            action.run();
        } catch (ErrorResponseException e) {
            error = problems.refusal(e, AREA);
        }
        return answer(id, request, model, redirect, error, null);
    }

    /** htmx gets the conversation again; a plain form post goes back to the inbox on it. */
    private String answer(UUID id, HttpServletRequest request, Model model, RedirectAttributes redirect, String error,
                          String draft) {
        if (request.getHeader("HX-Request") != null) {
            model.addAttribute("error", error);
            model.addAttribute("draft", draft);
            return threadFragment(id, model);
        }
        redirect.addFlashAttribute("error", error);
        redirect.addFlashAttribute("draft", draft);
        return "redirect:/inbox?c=" + id;
    }

    private void list(Query query, Model model) {
        CursorPage<Conversations.Summary> page = conversations.list(query.filter(), query.cursor(), 50);
        model.addAttribute("page", page);
    }

    private void thread(UUID id, Model model) {
        Conversations.Detail conversation = conversations.get(id);
        conversations.markRead(id);
        model.addAttribute("conversation", conversation);
        model.addAttribute("nextStatuses", ConversationStatus.of(conversation.status()).next().stream()
                .sorted().map(ConversationStatus::code).toList());
        model.addAttribute("priorities", Conversations.PRIORITIES);
        model.addAttribute("messages", conversations.thread(id, THREAD));
        model.addAttribute("conversationTags", conversations.tags(id));
        model.addAttribute("contact", contacts.get(conversation.contactId()));
        if (conversation.customerId() != null) {
            model.addAttribute("customer", contacts.customer(conversation.customerId()));
            model.addAttribute("customerSales", contacts.recentSales(conversation.customerId(), 5));
        }
        model.addAttribute("current", id);
    }
}
