package dev.bodega.inventory.internal.alerts;

import dev.bodega.platform.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The caller's own alert subscriptions. */
@RestController
@RequestMapping("/api/v1/me/alert-subscriptions")
@SignedIn
@Tag(name = "My account")
class AlertSubscriptionsApiController {

    record Change(@NotBlank String alertType, @NotNull Boolean active) {
    }

    record Changes(@NotNull @Size(max = 20) List<@Valid @NotNull Change> subscriptions) {
    }

    record Subscriptions(List<AlertSubscriptions.Subscription> subscriptions) {
    }

    private final AlertSubscriptions alerts;

    AlertSubscriptionsApiController(AlertSubscriptions alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    @Operation(summary = "Every alert type (low_stock, ...) and whether I receive it")
    Subscriptions get() {
        return new Subscriptions(alerts.of(AlertSubscriptions.me()));
    }

    @PutMapping
    @Operation(summary = "Turn alert types on or off for me; types not named stay as they are")
    Subscriptions put(@Valid @RequestBody Changes changes) {
        return new Subscriptions(alerts.update(AlertSubscriptions.me(), changes.subscriptions().stream()
                .map(c -> new AlertSubscriptions.Subscription(c.alertType(), c.active())).toList()));
    }
}
