package dev.bodega.inventory.internal.counts;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The states of a count session and the moves between them, in one place. */
enum CountStatus {
    COUNTING, REVIEW, CLOSED, CANCELLED;

    private static final Map<CountStatus, Set<CountStatus>> NEXT = Map.of(
            COUNTING, EnumSet.of(REVIEW, CANCELLED),
            // Back to counting: lines sent for a recount.
            REVIEW, EnumSet.of(COUNTING, CLOSED, CANCELLED),
            CLOSED, EnumSet.noneOf(CountStatus.class),
            CANCELLED, EnumSet.noneOf(CountStatus.class));

    static final java.util.List<String> CODES = java.util.Arrays.stream(values()).map(CountStatus::code).toList();

    boolean canMoveTo(CountStatus next) {
        return NEXT.get(this).contains(next);
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CountStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
