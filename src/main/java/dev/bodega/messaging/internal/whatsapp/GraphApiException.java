package dev.bodega.messaging.internal.whatsapp;

/**
 * The Graph API refused or could not be reached. {@code retryable}: trying again later may work (a 5xx, throttling,
 * a timeout); otherwise the request itself is wrong (a bad token, a number not on WhatsApp, outside the 24-hour
 * window) and sending it again would fail the same way.
 */
class GraphApiException extends RuntimeException {

    private final int httpStatus;
    private final int code;
    private final boolean retryable;

    GraphApiException(int httpStatus, int code, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryable = retryable;
    }

    int httpStatus() {
        return httpStatus;
    }

    /** The Graph API's error code (for example 131047: more than 24 hours since the customer wrote), or 0. */
    int code() {
        return code;
    }

    boolean retryable() {
        return retryable;
    }
}
