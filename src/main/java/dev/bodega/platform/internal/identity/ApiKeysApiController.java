package dev.bodega.platform.internal.identity;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** API keys of the caller ({@code apikeys.use}); {@code apikeys.manage} sees and revokes everyone's. */
@RestController
@RequestMapping("/api/v1/api-keys")
@RequiresPermission("apikeys.use")
@Tag(name = "API keys")
class ApiKeysApiController {

    record CreateKey(@NotBlank @Size(max = 100) String name, @NotEmpty List<String> permissions, Instant expiresAt) {
    }

    private final ApiKeys apiKeys;

    ApiKeysApiController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping
    @Operation(summary = "List API keys, newest first")
    CursorPage<ApiKeys.KeyView> list(PageQuery<UUID> page) {
        return apiKeys.list(page.cursor(), page.limit());
    }

    @GetMapping("/{id}")
    ApiKeys.KeyView get(@PathVariable UUID id) {
        return apiKeys.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a key; the secret is in this response only")
    ApiKeys.Created create(@Valid @RequestBody CreateKey request) {
        return apiKeys.create(request.name(), request.permissions(), request.expiresAt());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a key")
    void revoke(@PathVariable UUID id) {
        apiKeys.revoke(id);
    }
}
