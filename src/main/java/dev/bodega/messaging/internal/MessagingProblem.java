package dev.bodega.messaging.internal;

import dev.bodega.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** Refusals of the inbox. Public: the channel packages (WhatsApp) raise them too. */
public enum MessagingProblem implements ProblemType {

    CONVERSATION_STATE("conversation-state", HttpStatus.CONFLICT),
    CHANNEL_UNAVAILABLE("channel-unavailable", HttpStatus.UNPROCESSABLE_CONTENT),
    CHANNEL_REFUSED("channel-refused", HttpStatus.UNPROCESSABLE_CONTENT),
    CONTACT_BLOCKED("contact-blocked", HttpStatus.UNPROCESSABLE_CONTENT),
    MERGE_SAME("contact-merge-same", HttpStatus.UNPROCESSABLE_CONTENT),
    NAME_TAKEN("messaging-name-taken", HttpStatus.CONFLICT),
    SCHEDULE_IN_PAST("schedule-in-past", HttpStatus.UNPROCESSABLE_CONTENT),
    NOT_AN_AGENT("not-an-agent", HttpStatus.UNPROCESSABLE_CONTENT),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS),
    WHATSAPP_WINDOW_CLOSED("whatsapp-window-closed", HttpStatus.UNPROCESSABLE_CONTENT),
    WHATSAPP_NUMBER_TAKEN("whatsapp-number-taken", HttpStatus.CONFLICT),
    WHATSAPP_SIGNATURE("whatsapp-signature", HttpStatus.UNAUTHORIZED),
    CHANNEL_HAS_ASSISTANT("channel-has-assistant", HttpStatus.CONFLICT),
    ASSISTANT_CHANNEL_UNKNOWN("assistant-channel-unknown", HttpStatus.UNPROCESSABLE_CONTENT),
    ASSISTANT_HOURS_INVALID("assistant-hours-invalid", HttpStatus.UNPROCESSABLE_CONTENT),
    ATTACHMENT_TOO_LARGE("attachment-too-large", HttpStatus.CONTENT_TOO_LARGE),
    ATTACHMENT_TYPE("attachment-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE);

    private final String slug;
    private final HttpStatus status;

    MessagingProblem(String slug, HttpStatus status) {
        this.slug = slug;
        this.status = status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
