package dev.bodega.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The one way numbers and dates are shown to people, from the user's language: {@code 1.527,68} and
 * {@code 27/01/2026 14:05} in Spanish, {@code 1,527.68} and {@code 01/27/2026 2:05 PM} in English. Templates
 * reach it as {@code #fmt}; documents (receipts, invoices) build one with {@link #of}. Machine formats (the API,
 * CSV files) never use it. Money is rounded half-up to the company's currency, as {@link Money} computes it.
 */
public final class Formats {

    private final Locale locale;
    private final Supplier<ZoneId> zone;
    private final Supplier<Integer> moneyDecimals;
    private DateTimeFormatter date;
    private DateTimeFormatter dateTime;

    /** The zone and money decimals are asked for only when a date or an amount is shown (pages without one skip the query). */
    public Formats(Locale locale, Supplier<ZoneId> zone, Supplier<Integer> moneyDecimals) {
        this.locale = locale;
        this.zone = zone;
        this.moneyDecimals = moneyDecimals;
    }

    /** For times only (money with two decimals). */
    public static Formats of(Locale locale, ZoneId zone) {
        return new Formats(locale, () -> zone, () -> 2);
    }

    public static Formats of(Locale locale, ZoneId zone, String currency) {
        int decimals = Money.decimals(currency);
        return new Formats(locale, () -> zone, () -> decimals);
    }

    /** An amount of the company's currency, with its decimals; empty for none. */
    public String money(BigDecimal amount) {
        return fixed(amount, moneyDecimals.get());
    }

    /** A quantity with exactly the unit's decimals. */
    public String qty(BigDecimal quantity, int decimals) {
        return fixed(quantity, decimals);
    }

    /** A quantity or rate with as many decimals as it has (no trailing zeros). */
    public String qty(BigDecimal quantity) {
        return quantity == null ? "" : fixed(quantity, Math.max(0, quantity.stripTrailingZeros().scale()));
    }

    /** A whole count, grouped as the language groups thousands. */
    public String count(long count) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    /** A day (a date, or an instant in the company's time zone). */
    public String date(TemporalAccessor day) {
        if (date == null) {
            date = DateTimeFormatter.ofPattern(datePattern(locale), locale);
        }
        return day == null ? "" : date.format(local(day));
    }

    /** A moment in the company's time zone, to the minute. */
    public String dateTime(TemporalAccessor moment) {
        if (dateTime == null) {
            dateTime = DateTimeFormatter.ofPattern(datePattern(locale) + " " + timePattern(locale), locale);
        }
        return moment == null ? "" : dateTime.format(local(moment));
    }

    private TemporalAccessor local(TemporalAccessor value) {
        if (value instanceof Instant instant) {
            return instant.atZone(zone.get());
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone.get());
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone.get());
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            return value;
        }
        throw new IllegalArgumentException("Not a date: " + value.getClass().getName());
    }

    private String fixed(BigDecimal number, int decimals) {
        if (number == null) {
            return "";
        }
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(number);
    }

    /** The language's short date with a four-digit year and two-digit day and month ({@code dd/MM/yyyy}). */
    static String datePattern(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        return pattern.replaceAll("y+", "yyyy").replaceAll("(?<!d)d(?!d)", "dd").replaceAll("(?<!M)M(?!M)", "MM");
    }

    private static String timePattern(Locale locale) {
        return DateTimeFormatterBuilder.getLocalizedDateTimePattern(null, FormatStyle.SHORT,
                IsoChronology.INSTANCE, locale).replaceAll("(?<!H)H(?!H)", "HH");
    }
}
