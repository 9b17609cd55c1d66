package dev.bodega.platform.internal.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a value that could not be read should have looked like, in a caller's words: never a Java type's name. */
final class ExpectedFormats {

    private static final Map<Class<?>, String> FORMATS = Map.ofEntries(
            Map.entry(LocalDate.class, "a date like 2026-12-31"),
            Map.entry(YearMonth.class, "a month like 2026-12"),
            Map.entry(LocalDateTime.class, "a date and time like 2026-12-31T18:30:00"),
            Map.entry(Instant.class, "a date and time like 2026-12-31T18:30:00Z"),
            Map.entry(OffsetDateTime.class, "a date and time like 2026-12-31T18:30:00-05:00"),
            Map.entry(UUID.class, "an id like 0190a5b2-7c3e-7d4f-8a1b-2c3d4e5f6a7b"),
            Map.entry(BigDecimal.class, "a number like 12.50"),
            Map.entry(Boolean.class, "true or false"), Map.entry(boolean.class, "true or false"),
            Map.entry(Integer.class, "a whole number"), Map.entry(int.class, "a whole number"),
            Map.entry(Long.class, "a whole number"), Map.entry(long.class, "a whole number"),
            Map.entry(Short.class, "a whole number"), Map.entry(short.class, "a whole number"),
            Map.entry(Double.class, "a number like 12.5"), Map.entry(double.class, "a number like 12.5"));

    private ExpectedFormats() {
    }

    /** {@code from: expected a date like 2026-12-31}. */
    static String message(String field, Class<?> type) {
        return field + ": expected " + of(type);
    }

    static String of(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", "));
        }
        return FORMATS.getOrDefault(type, "a valid value");
    }
}
