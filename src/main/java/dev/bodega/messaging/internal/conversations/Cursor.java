package dev.bodega.messaging.internal.conversations;

import java.time.Instant;
import java.util.UUID;

/** Where the conversation list goes on: the last row's activity time and id, as {@code <epoch micros>_<id>}. */
record Cursor(Instant at, UUID id) {

    static String of(Instant at, UUID id) {
        Instant when = at == null ? Instant.EPOCH : at;
        return (when.getEpochSecond() * 1_000_000 + when.getNano() / 1_000) + "_" + id;
    }

    static Cursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = cursor.split("_", 2);
            long micros = Long.parseLong(parts[0]);
            return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L),
                    UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
