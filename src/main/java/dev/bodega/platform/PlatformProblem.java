package dev.bodega.platform;

import org.springframework.http.HttpStatus;

/**
 * The platform's problems: those its infrastructure raises for every module
 * (validation, not-found, versions, idempotency, sign-in and permissions) and
 * those of its own features (users, roles, API keys, sign-up).
 */
public enum PlatformProblem implements ProblemType {

    VALIDATION("validation", HttpStatus.BAD_REQUEST),
    MALFORMED_BODY("malformed-body", HttpStatus.BAD_REQUEST),
    /** Refused by the server before any handler: a bad path (encoded slash, NUL, backslash, bad %-escape), huge headers. */
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST),
    /** Too many requests of one kind from one caller; the answer says when to try again (Retry-After). */
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
    /** Any other 4xx that reaches the servlet error page; answered with the status it came with. */
    CLIENT_ERROR("client-error", HttpStatus.BAD_REQUEST),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR),
    CONSTRAINT("constraint", HttpStatus.CONFLICT),
    STALE_VERSION("stale-version", HttpStatus.CONFLICT),
    IF_MATCH_REQUIRED("if-match-required", HttpStatus.PRECONDITION_REQUIRED),
    IDEMPOTENCY_KEY("idempotency-key", HttpStatus.UNPROCESSABLE_CONTENT),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.CONFLICT),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED),
    INVALID_API_KEY("invalid-api-key", HttpStatus.UNAUTHORIZED),
    TENANT_SUSPENDED("tenant-suspended", HttpStatus.FORBIDDEN),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
    /** The API-key service's own checks of a request: a validation problem that has always answered 422. */
    INVALID_KEY_REQUEST("validation", HttpStatus.UNPROCESSABLE_CONTENT),
    INVALID_PERMISSION("invalid-permission", HttpStatus.UNPROCESSABLE_CONTENT),
    SLUG_TAKEN("slug-taken", HttpStatus.CONFLICT),
    MAX_USERS("max-users", HttpStatus.CONFLICT),
    EMAIL_TAKEN("email-taken", HttpStatus.CONFLICT),
    UNKNOWN_ROLE("unknown-role", HttpStatus.UNPROCESSABLE_CONTENT),
    SELF_CHANGE("self-change", HttpStatus.CONFLICT),
    LAST_ADMIN("last-admin", HttpStatus.CONFLICT),
    SYSTEM_ROLE("system-role", HttpStatus.CONFLICT),
    ROLE_IN_USE("role-in-use", HttpStatus.CONFLICT),
    ROLE_NAME_TAKEN("role-name-taken", HttpStatus.CONFLICT),
    WRONG_PASSWORD("wrong-password", HttpStatus.UNPROCESSABLE_CONTENT),
    PASSWORD_UNCHANGED("password-unchanged", HttpStatus.UNPROCESSABLE_CONTENT),
    /** Approving a user already approved, or rejecting one not awaiting approval. */
    APPROVAL_STATE("approval-state", HttpStatus.CONFLICT),
    PARTNER_ROLES("partner-roles", HttpStatus.UNPROCESSABLE_CONTENT),
    PARTNER_NEEDS_ADMIN("partner-needs-admin", HttpStatus.CONFLICT),
    UNKNOWN_ORGANIZATION("unknown-organization", HttpStatus.UNPROCESSABLE_CONTENT),
    /** An operator looking into a company under its admin's grant may read, never change. */
    OPERATOR_READ_ONLY("operator-read-only", HttpStatus.FORBIDDEN),
    /** No open grant from the company's admin (never given, revoked or expired). */
    OPERATOR_ACCESS_NOT_GRANTED("operator-access-not-granted", HttpStatus.FORBIDDEN);

    private final String slug;
    private final HttpStatus status;

    PlatformProblem(String slug, HttpStatus status) {
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
