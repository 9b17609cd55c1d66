package dev.bodega.platform.internal.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** The "new API key" form. Messages are bundle keys; permissions come one per line. */
record ApiKeyForm(
        @NotBlank(message = "{apikeys.name.required}") @Size(max = 100, message = "{apikeys.name.too-long}")
        String name,
        @NotBlank(message = "{apikeys.permissions.required}")
        String permissions,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate expiresOn) {

    static ApiKeyForm empty() {
        return new ApiKeyForm("", "", null);
    }

    /** Lines (commas and spaces also separate), trimmed, without blanks or repeats. */
    List<String> permissionList() {
        if (permissions == null) {
            return List.of();
        }
        return Arrays.stream(permissions.split("[\\s,]+")).map(String::trim).filter(p -> !p.isEmpty())
                .distinct().toList();
    }

    /** A key "expiring on" a date stops working when that date begins (UTC). */
    Instant expiresAt() {
        return expiresOn == null ? null : expiresOn.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
