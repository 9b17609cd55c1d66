package dev.bodega.service.internal;

import dev.bodega.platform.NotificationType;
import dev.bodega.platform.Notifications;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.service.internal.ClaimViews.ClaimView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * "Warranty pending" (seed 003 admin_notifications): a claim sent for review tells every active user who may
 * resolve it, except the one who sent it and those who opted out of the kind, in the sending transaction. Stored
 * as text, so in the company's language.
 */
@Component
class ClaimNotifier {

    static final String RESOLVE = "guarantees.resolve";

    private final Notifications notifications;
    private final MessageSource messages;
    private final TenantSettingsService settings;

    ClaimNotifier(Notifications notifications, MessageSource messages, TenantSettingsService settings) {
        this.notifications = notifications;
        this.messages = messages;
        this.settings = settings;
    }

    void pending(ClaimView claim) {
        Locale locale = settings.current().language();
        String title = messages.getMessage("service.notice.claimPending.title", new Object[]{claim.sku()}, locale);
        String message = messages.getMessage("service.notice.claimPending.message", new Object[]{
                claim.quantity().stripTrailingZeros().toPlainString(), claim.itemName(), claim.locationName(),
                claim.failureReason()}, locale);
        String link = "/service/claims/" + claim.id();
        UUID sender = TenantContext.userId().orElse(null);
        notifications.holdersOf(RESOLVE).stream().filter(user -> !Objects.equals(user, sender))
                .forEach(user -> notifications.send(NotificationType.WARRANTY_PENDING,
                        new Notifications.Notice(user, title, message, "warning", "high", link)));
    }
}
