package dev.bodega.service.internal;

import dev.bodega.platform.Problems;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A warranty claim's states, as seed 003 names them (the API speaks them; pages show them through the bundles),
 * and the only moves between them: a draft is sent (SIN_ENVIAR → PENDIENTE), a pending claim is resolved
 * (→ APROBADA or RECHAZADA). Resolved claims are final.
 */
enum ClaimStatus {
    SIN_ENVIAR, PENDIENTE, APROBADA, RECHAZADA;

    private static final Map<ClaimStatus, Set<ClaimStatus>> NEXT = Map.of(
            SIN_ENVIAR, Set.of(PENDIENTE),
            PENDIENTE, Set.of(APROBADA, RECHAZADA),
            APROBADA, Set.of(),
            RECHAZADA, Set.of());

    boolean mayBecome(ClaimStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The one state each may come from. */
    ClaimStatus previous() {
        return Arrays.stream(values()).filter(s -> s.mayBecome(this)).findFirst()
                .orElseThrow(() -> new IllegalStateException(this + " is where a claim starts"));
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    static ClaimStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst()
                .orElseThrow(() -> Problems.of(ServiceProblem.UNKNOWN_CLAIM_STATUS,
                        "Unknown claim status " + code + "; one of " + String.join(", ", codes())));
    }
}
