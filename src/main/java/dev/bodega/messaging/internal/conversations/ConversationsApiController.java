package dev.bodega.messaging.internal.conversations;

import dev.bodega.messaging.internal.MessageStore;
import dev.bodega.messaging.internal.Outgoing;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The inbox's conversations: list, thread, replies and notes, and the agent's moves. */
@RestController
@Tag(name = "Conversations")
class ConversationsApiController {

    record ReplyRequest(@NotBlank(message = "{inbox.reply.required}") @Size(max = 4096, message = "{field.too-long}")
                        String content, Boolean isPrivate, UUID templateId, List<String> templateParameters,
                        UUID quotedMessageId, String mediaUrl, String messageType) {
    }

    record StatusRequest(@NotBlank String status) {
    }

    record PriorityRequest(@NotBlank String priority) {
    }

    /** {@code assignee}: a user id, {@code auto} (round robin), or null to unassign. */
    record AssigneeRequest(String assignee) {
    }

    record SnoozeRequest(Instant until) {
    }

    record Sent(UUID id, Instant createdAt) {
    }

    private final Conversations conversations;
    private final Outgoing outgoing;

    ConversationsApiController(Conversations conversations, Outgoing outgoing) {
        this.conversations = conversations;
        this.outgoing = outgoing;
    }

    @GetMapping("/api/v1/conversations")
    @RequiresPermission("messaging.read")
    @Operation(summary = "Conversations by latest activity; filters: status, assignee (user id, me, none), tagId, "
            + "platform, unread, snoozed, q")
    CursorPage<Conversations.Summary> list(@RequestParam(required = false) String status,
                                           @RequestParam(required = false) String assignee,
                                           @RequestParam(required = false) UUID tagId,
                                           @RequestParam(required = false) String platform,
                                           @RequestParam(defaultValue = "false") boolean unread,
                                           @RequestParam(defaultValue = "false") boolean snoozed,
                                           @RequestParam(required = false) String q, PageQuery<String> page) {
        return conversations.list(new Conversations.Filter(status, assignee, tagId, platform, unread, snoozed, q),
                page.cursor(), page.limit());
    }

    @GetMapping("/api/v1/conversations/{id}")
    @RequiresPermission("messaging.read")
    Versioned<Conversations.Detail> get(@PathVariable UUID id) {
        return Versioned.of(conversations.get(id), Conversations.Detail::version);
    }

    @GetMapping("/api/v1/conversations/{id}/messages")
    @RequiresPermission("messaging.read")
    @Operation(summary = "The newest messages of the conversation (up to 200), oldest first; private notes included")
    CursorPage<Conversations.Message> messages(@PathVariable UUID id, PageQuery<String> page) {
        return new CursorPage<>(conversations.thread(id, page.limit()), null);
    }

    @PostMapping("/api/v1/conversations/{id}/messages")
    @RequiresPermission("messaging.reply")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reply to the contact (sent through the conversation's channel) or add a private note")
    Sent reply(@PathVariable UUID id, @Valid @RequestBody ReplyRequest request) {
        conversations.get(id);
        MessageStore.Ref ref = outgoing.send(TenantContext.tenantId(), new Outgoing.Reply(id, "user",
                TenantContext.userId().orElse(null), request.content(),
                request.messageType() == null ? "text" : request.messageType(), request.mediaUrl(),
                Boolean.TRUE.equals(request.isPrivate()), false, request.templateId(),
                request.templateParameters() == null ? List.of() : request.templateParameters(),
                request.quotedMessageId()));
        return new Sent(ref.id(), ref.createdAt());
    }

    @PostMapping("/api/v1/conversations/{id}/status")
    @RequiresPermission("messaging.reply")
    @Operation(summary = "Move to active, pending, resolved or closed (resolving asks for a 1–5 rating when set up)")
    Versioned<Conversations.Detail> status(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return Versioned.of(conversations.changeStatus(id, request.status()), Conversations.Detail::version);
    }

    @PostMapping("/api/v1/conversations/{id}/priority")
    @RequiresPermission("messaging.reply")
    Versioned<Conversations.Detail> priority(@PathVariable UUID id, @Valid @RequestBody PriorityRequest request) {
        return Versioned.of(conversations.changePriority(id, request.priority()), Conversations.Detail::version);
    }

    @PostMapping("/api/v1/conversations/{id}/assignee")
    @RequiresPermission("messaging.reply")
    @Operation(summary = "Assign to an agent, to the next free agent (auto), or to nobody (null)")
    Versioned<Conversations.Detail> assign(@PathVariable UUID id, @RequestBody AssigneeRequest request) {
        return Versioned.of(conversations.assign(id, request.assignee()), Conversations.Detail::version);
    }

    @PostMapping("/api/v1/conversations/{id}/snooze")
    @RequiresPermission("messaging.reply")
    @Operation(summary = "Hide from the open list until a time (null wakes it now); a new message wakes it too")
    Versioned<Conversations.Detail> snooze(@PathVariable UUID id, @RequestBody SnoozeRequest request) {
        return Versioned.of(conversations.snooze(id, request.until()), Conversations.Detail::version);
    }

    @PutMapping("/api/v1/conversations/{id}/tags/{tagId}")
    @RequiresPermission("messaging.reply")
    List<Conversations.Tag> addTag(@PathVariable UUID id, @PathVariable UUID tagId) {
        return conversations.tag(id, tagId, true);
    }

    @DeleteMapping("/api/v1/conversations/{id}/tags/{tagId}")
    @RequiresPermission("messaging.reply")
    List<Conversations.Tag> removeTag(@PathVariable UUID id, @PathVariable UUID tagId) {
        return conversations.tag(id, tagId, false);
    }

    @PostMapping("/api/v1/conversations/{id}/read")
    @RequiresPermission("messaging.read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The caller has read the conversation up to now (its unread count drops to 0)")
    void read(@PathVariable UUID id) {
        conversations.markRead(id);
    }

    @GetMapping("/api/v1/inbox/agents")
    @RequiresPermission("messaging.read")
    List<Conversations.Agent> agents() {
        return conversations.agents();
    }
}
