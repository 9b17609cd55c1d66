package dev.bodega.messaging.internal.settings;

import dev.bodega.messaging.internal.Agents;
import dev.bodega.messaging.internal.InboxSettings;
import dev.bodega.messaging.internal.conversations.Conversations;
import dev.bodega.platform.IfMatch;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The inbox's rules and the agents in automatic assignment. */
@RestController
@Tag(name = "Inbox setup")
class InboxSettingsApiController {

    record SettingsRequest(Boolean autoAssign, Map<String, List<List<String>>> businessHours, String awayMessage,
                           String satisfactionQuestion) {
    }

    record AgentRequest(@NotNull UUID userId, Boolean available, Integer capacity) {
    }

    private final InboxSettings settings;
    private final Agents agents;
    private final Conversations conversations;

    InboxSettingsApiController(InboxSettings settings, Agents agents, Conversations conversations) {
        this.settings = settings;
        this.agents = agents;
        this.conversations = conversations;
    }

    @GetMapping("/api/v1/inbox/settings")
    @RequiresPermission("messaging.read")
    @Transactional(readOnly = true)
    Versioned<InboxSettings.Settings> get() {
        return Versioned.of(settings.current(), InboxSettings.Settings::version);
    }

    @PutMapping("/api/v1/inbox/settings")
    @RequiresPermission("messaging.manage")
    @Operation(summary = "Replace the rules; businessHours: {\"mon\": [[\"09:00\", \"18:00\"]], ...} in the company's time zone")
    @Transactional
    Versioned<InboxSettings.Settings> put(@RequestBody SettingsRequest request, IfMatch ifMatch) {
        InboxSettings.Settings next = new InboxSettings.Settings(Boolean.TRUE.equals(request.autoAssign()),
                request.businessHours() == null ? Map.of() : request.businessHours(), request.awayMessage(),
                request.satisfactionQuestion(), ifMatch.version());
        if (!settings.save(TenantContext.tenantId(), next, ifMatch.version())) {
            throw Problems.staleVersion();
        }
        return Versioned.of(settings.current(), InboxSettings.Settings::version);
    }

    @GetMapping("/api/v1/inbox/agent-states")
    @RequiresPermission("messaging.read")
    @Transactional(readOnly = true)
    List<Agents.AgentState> agentStates() {
        return agents.list();
    }

    @PostMapping("/api/v1/inbox/agents")
    @RequiresPermission("messaging.manage")
    @Operation(summary = "Put an agent in automatic assignment (available, capacity of open conversations)")
    @Transactional
    List<Agents.AgentState> saveAgent(@Valid @RequestBody AgentRequest request) {
        if (conversations.agents().stream().noneMatch(a -> a.id().equals(request.userId()))) {
            throw new NotFoundException("Agent");
        }
        agents.save(TenantContext.tenantId(), request.userId(), !Boolean.FALSE.equals(request.available()),
                request.capacity() == null ? 10 : request.capacity());
        return agents.list();
    }
}
