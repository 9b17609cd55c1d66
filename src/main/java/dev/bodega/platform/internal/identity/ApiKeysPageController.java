package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Actor;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.Permissions;
import dev.bodega.platform.RequiresPermission;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The API keys page: the caller's keys (everyone's with {@code apikeys.manage}),
 * a form for a new one whose secret is shown once, and revocation.
 */
@Controller
@RequestMapping("/api-keys")
@RequiresPermission("apikeys.use")
class ApiKeysPageController {

    /** One table row. */
    record Row(UUID id, String name, String prefix, List<String> permissions, Instant created, Instant expires,
               Instant lastUsed, Instant revoked, boolean active) {

        static Row of(ApiKeys.KeyView key, Instant now) {
            boolean expired = key.expiresAt() != null && !key.expiresAt().isAfter(now);
            return new Row(key.id(), key.name(), key.prefix(), key.permissions(), key.createdAt(),
                    key.expiresAt(), key.lastUsedAt(), key.revokedAt(),
                    key.revokedAt() == null && !expired);
        }
    }

    private final ApiKeys apiKeys;
    private final Clock clock;

    ApiKeysPageController(ApiKeys apiKeys, Clock clock) {
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    @GetMapping
    String list(PageQuery<UUID> page, Model model) {
        model.addAttribute("form", ApiKeyForm.empty());
        return page(page, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") ApiKeyForm form, BindingResult errors, Model model) {
        checkSyntax(form, errors);
        if (errors.hasErrors()) {
            return page(PageQuery.first(), model);
        }
        try {
            ApiKeys.Created created = apiKeys.create(form.name(), form.permissionList(), form.expiresAt());
            model.addAttribute("created", created);
            model.addAttribute("name", form.name().trim());
            return "platform/api-key-created";
        } catch (ErrorResponseException problem) {
            // The service has the last word (e.g. a permission the user does not hold): show its reason inline.
            String detail = problem.getBody().getDetail();
            errors.rejectValue("permissions", "apikeys.refused", new Object[]{detail}, detail);
            return page(PageQuery.first(), model);
        }
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        apiKeys.revoke(id);
        redirect.addAttribute("revoked", "");
        return "redirect:/api-keys";
    }

    /** What can be said without the service, in the user's language. */
    private void checkSyntax(ApiKeyForm form, BindingResult errors) {
        if (!errors.hasFieldErrors("permissions")) {
            form.permissionList().stream().filter(p -> !Permissions.isValidPattern(p)).findFirst()
                    .ifPresent(bad -> errors.rejectValue("permissions", "apikeys.permissions.invalid", new Object[]{bad}, bad));
        }
        if (form.expiresAt() != null && !form.expiresAt().isAfter(clock.instant())) {
            errors.rejectValue("expiresOn", "apikeys.expires.past");
        }
    }

    private String page(PageQuery<UUID> page, Model model) {
        CursorPage<ApiKeys.KeyView> keys = apiKeys.list(page.cursor(), page.limit());
        Instant now = clock.instant();
        model.addAttribute("keys", keys.items().stream().map(key -> Row.of(key, now)).toList());
        model.addAttribute("nextCursor", keys.nextCursor());
        model.addAttribute("held", Actor.require().permissions().stream().sorted().toList());
        return "platform/api-keys";
    }

}
