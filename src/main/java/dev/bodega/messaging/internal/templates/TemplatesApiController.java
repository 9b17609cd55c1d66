package dev.bodega.messaging.internal.templates;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.IfMatch;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Tags and response templates (canned answers and auto-replies) of the inbox; edits carry If-Match. */
@RestController
@Tag(name = "Inbox setup")
class TemplatesApiController {

    private final Tags tags;
    private final ResponseTemplates templates;

    TemplatesApiController(Tags tags, ResponseTemplates templates) {
        this.tags = tags;
        this.templates = templates;
    }

    @GetMapping("/api/v1/tags")
    @RequiresPermission("messaging.read")
    CursorPage<Tags.TagView> tags() {
        return new CursorPage<>(tags.list(), null);
    }

    @GetMapping("/api/v1/tags/{id}")
    @RequiresPermission("messaging.read")
    Versioned<Tags.TagView> tag(@PathVariable UUID id) {
        return Versioned.of(tags.get(id), Tags.TagView::version);
    }

    @PostMapping("/api/v1/tags")
    @RequiresPermission("messaging.manage")
    @Operation(summary = "Create a tag (name unique in the company; colour #3B82F6 unless given)")
    ResponseEntity<Versioned<Tags.TagView>> createTag(@Valid @RequestBody Tags.TagRequest request) {
        Tags.TagView created = tags.create(request);
        return ResponseEntity.created(URI.create("/api/v1/tags/" + created.id()))
                .body(Versioned.of(created, Tags.TagView::version));
    }

    @PutMapping("/api/v1/tags/{id}")
    @RequiresPermission("messaging.manage")
    Versioned<Tags.TagView> updateTag(@PathVariable UUID id, @Valid @RequestBody Tags.TagRequest request, IfMatch ifMatch) {
        return Versioned.of(tags.update(id, ifMatch.version(), request), Tags.TagView::version);
    }

    @GetMapping("/api/v1/response-templates")
    @RequiresPermission("messaging.read")
    CursorPage<ResponseTemplates.TemplateView> templates() {
        return new CursorPage<>(templates.list(), null);
    }

    @GetMapping("/api/v1/response-templates/{id}")
    @RequiresPermission("messaging.read")
    Versioned<ResponseTemplates.TemplateView> template(@PathVariable UUID id) {
        return Versioned.of(templates.get(id), ResponseTemplates.TemplateView::version);
    }

    @PostMapping("/api/v1/response-templates")
    @RequiresPermission("messaging.manage")
    @Operation(summary = "Create a canned answer (/shortcut); with trigger keywords it also answers automatically")
    ResponseEntity<Versioned<ResponseTemplates.TemplateView>> createTemplate(
            @Valid @RequestBody ResponseTemplates.TemplateRequest request) {
        ResponseTemplates.TemplateView created = templates.create(request);
        return ResponseEntity.created(URI.create("/api/v1/response-templates/" + created.id()))
                .body(Versioned.of(created, ResponseTemplates.TemplateView::version));
    }

    @PutMapping("/api/v1/response-templates/{id}")
    @RequiresPermission("messaging.manage")
    Versioned<ResponseTemplates.TemplateView> updateTemplate(@PathVariable UUID id,
                                                             @Valid @RequestBody ResponseTemplates.TemplateRequest request,
                                                             IfMatch ifMatch) {
        return Versioned.of(templates.update(id, ifMatch.version(), request), ResponseTemplates.TemplateView::version);
    }

    @DeleteMapping("/api/v1/response-templates/{id}")
    @RequiresPermission("messaging.manage")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTemplate(@PathVariable UUID id) {
        templates.delete(id);
    }
}
