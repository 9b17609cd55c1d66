package dev.bodega.platform;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private final Formats spanish = Formats.of(Locale.forLanguageTag("es"), BOGOTA, "COP");
    private final Formats english = Formats.of(Locale.forLanguageTag("en"), BOGOTA, "COP");

    @Test
    void moneyGroupsAndRoundsAsTheLanguageWrites() {
        assertThat(spanish.money(new BigDecimal("12156.725"))).isEqualTo("12.156,73");
        assertThat(english.money(new BigDecimal("12156.725"))).isEqualTo("12,156.73");
        assertThat(spanish.money(new BigDecimal("5"))).isEqualTo("5,00");
        assertThat(spanish.money(null)).isEmpty();
        assertThat(Formats.of(Locale.forLanguageTag("es"), BOGOTA, "CLP").money(new BigDecimal("1527.5")))
                .isEqualTo("1.528");
    }

    @Test
    void quantitiesKeepTheUnitsDecimalsOrTheirOwn() {
        assertThat(spanish.qty(new BigDecimal("1527.5"), 3)).isEqualTo("1.527,500");
        assertThat(english.qty(new BigDecimal("2.000"), 0)).isEqualTo("2");
        assertThat(spanish.qty(new BigDecimal("1527.500"))).isEqualTo("1.527,5");
        assertThat(english.qty(new BigDecimal("-3.000"))).isEqualTo("-3");
        assertThat(english.count(12345)).isEqualTo("12,345");
    }

    @Test
    void datesAndTimesInTheCompanysZone() {
        Instant moment = Instant.parse("2026-01-27T19:05:00Z");
        assertThat(spanish.dateTime(moment)).isEqualTo("27/01/2026 14:05");
        assertThat(english.dateTime(moment)).isEqualTo("01/27/2026 2:05 PM");
        assertThat(spanish.date(LocalDate.of(2026, 3, 4))).isEqualTo("04/03/2026");
        assertThat(english.date(moment)).isEqualTo("01/27/2026");
        assertThat(spanish.date(null)).isEmpty();
    }
}
