package dev.bodega.platform.internal.audit;

import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads list filters from query parameters. The API refuses a bad value with
 * 400; a page collects the errors and shows them next to the filter.
 */
final class Filters {

    private final boolean api;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private Filters(boolean api) {
        this.api = api;
    }

    static Filters forApi() {
        return new Filters(true);
    }

    static Filters forPage() {
        return new Filters(false);
    }

    Map<String, String> errors() {
        return errors;
    }

    UUID uuid(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return reject(field);
        }
    }

    <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return reject(field);
        }
    }

    Long number(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return reject(field);
        }
    }

    Instant instant(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeException e) {
            return reject(field);
        }
    }

    /** The first instant of a calendar day in the tenant's zone. */
    Instant dayStart(String field, String value, ZoneId zone) {
        return day(field, value, zone, 0);
    }

    /** The first instant after a calendar day (so "to" includes the whole day). */
    Instant dayEnd(String field, String value, ZoneId zone) {
        return day(field, value, zone, 1);
    }

    private Instant day(String field, String value, ZoneId zone, int plusDays) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            return reject(field);
        }
    }

    private <T> T reject(String field) {
        if (api) {
            throw Problems.of(PlatformProblem.VALIDATION, "Invalid value for '" + field + "'");
        }
        errors.put(field, "filters.invalid");
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
