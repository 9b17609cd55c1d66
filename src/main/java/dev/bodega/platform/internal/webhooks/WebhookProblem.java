package dev.bodega.platform.internal.webhooks;

import dev.bodega.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** Refusals of the outgoing webhooks. */
enum WebhookProblem implements ProblemType {

    ADDRESS_REFUSED("webhook-address-refused", HttpStatus.UNPROCESSABLE_CONTENT),
    INVALID_URL("webhook-url-invalid", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_EVENT_TYPE("webhook-event-type-unknown", HttpStatus.UNPROCESSABLE_CONTENT),
    INVALID_SETTINGS("webhook-settings-invalid", HttpStatus.UNPROCESSABLE_CONTENT),
    ENDPOINT_INACTIVE("webhook-endpoint-inactive", HttpStatus.CONFLICT);

    private final String slug;
    private final HttpStatus status;

    WebhookProblem(String slug, HttpStatus status) {
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
