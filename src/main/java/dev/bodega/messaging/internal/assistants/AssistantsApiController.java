package dev.bodega.messaging.internal.assistants;

import dev.bodega.platform.IfMatch;
import dev.bodega.platform.Problems;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Assistants (seed 002), their test chat and their metrics. The provider key is written, never read back. */
@RestController
@Tag(name = "Assistants")
class AssistantsApiController {

    record TestRequest(@NotBlank @Size(max = 2000) String message) {
    }

    private final Assistants assistants;
    private final TestChat testChat;
    private final AssistantMetrics metrics;

    AssistantsApiController(Assistants assistants, TestChat testChat, AssistantMetrics metrics) {
        this.assistants = assistants;
        this.testChat = testChat;
        this.metrics = metrics;
    }

    @GetMapping("/api/v1/assistants")
    @RequiresPermission("messaging.read")
    @Transactional(readOnly = true)
    List<Assistant> list() {
        return assistants.list();
    }

    @GetMapping("/api/v1/assistants/{id}")
    @RequiresPermission("messaging.read")
    @Transactional(readOnly = true)
    Versioned<Assistant> get(@PathVariable UUID id) {
        return Versioned.of(assistants.get(id), Assistant::version);
    }

    @PostMapping("/api/v1/assistants")
    @RequiresPermission("messaging.manage")
    @Operation(summary = "Create an assistant; provider builtin (no model), openai, anthropic or local (an "
            + "OpenAI-compatible server at baseUrl); integrationId: the channel whose new conversations it takes")
    @Transactional
    ResponseEntity<Versioned<Assistant>> create(@Valid @RequestBody AssistantRequest request) {
        UUID id = assistants.create(request);
        return ResponseEntity.created(URI.create("/api/v1/assistants/" + id))
                .body(Versioned.of(assistants.get(id), Assistant::version));
    }

    @PutMapping("/api/v1/assistants/{id}")
    @RequiresPermission("messaging.manage")
    @Operation(summary = "Replace an assistant; apiKey null keeps the key kept, \"\" removes it")
    @Transactional
    Versioned<Assistant> update(@PathVariable UUID id, @Valid @RequestBody AssistantRequest request, IfMatch ifMatch) {
        if (!assistants.update(id, request, ifMatch.version())) {
            throw Problems.staleVersion();
        }
        return Versioned.of(assistants.get(id), Assistant::version);
    }

    @DeleteMapping("/api/v1/assistants/{id}")
    @RequiresPermission("messaging.manage")
    @Transactional
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        assistants.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/assistants/{id}/test")
    @RequiresPermission("messaging.manage")
    @Operation(summary = "Ask the assistant as a contact would, with no conversation: nothing is sent or counted")
    TestChat.Reply test(@PathVariable UUID id, @Valid @RequestBody TestRequest request) {
        return testChat.ask(id, request.message());
    }

    @GetMapping("/api/v1/assistants/metrics")
    @RequiresPermission("messaging.read")
    @Transactional(readOnly = true)
    AssistantMetrics.Report metrics(@RequestParam(defaultValue = "30") int days) {
        return metrics.report(Math.max(1, Math.min(days, 366)));
    }
}
