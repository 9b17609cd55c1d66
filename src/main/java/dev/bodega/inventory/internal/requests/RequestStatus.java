package dev.bodega.inventory.internal.requests;

import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.Problems;

import java.util.Arrays;
import java.util.Set;

/**
 * Seed 003's states of a transfer request, stored and shown by their seed codes (the bundles word them):
 * PENDIENTE → ALISTAMIENTO → DESPACHADO → RECIBIDO, and CANCELADO before dispatch only.
 */
enum RequestStatus {
    PENDING("PENDIENTE"), PICKING("ALISTAMIENTO"), DISPATCHED("DESPACHADO"), RECEIVED("RECIBIDO"),
    CANCELLED("CANCELADO");

    private final String code;

    RequestStatus(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** The states this one may move to: all the transitions there are, in one place. */
    Set<RequestStatus> next() {
        return switch (this) {
            case PENDING -> Set.of(PICKING, CANCELLED);
            case PICKING -> Set.of(DISPATCHED, CANCELLED);
            case DISPATCHED -> Set.of(RECEIVED);
            case RECEIVED, CANCELLED -> Set.of();
        };
    }

    boolean canGoTo(RequestStatus to) {
        return next().contains(to);
    }

    static RequestStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> Problems.of(InventoryProblem.UNKNOWN_STATUS, "Unknown request status " + code));
    }

    static boolean isCode(String code) {
        return Arrays.stream(values()).anyMatch(s -> s.code.equals(code));
    }
}
