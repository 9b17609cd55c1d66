package dev.bodega.messaging.internal.whatsapp;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerServiceWindowTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void openForTwentyFourHoursAfterTheContactsLastMessage() {
        assertThat(CustomerServiceWindow.open(NOW.minus(Duration.ofHours(23).plusMinutes(59)), NOW)).isTrue();
        assertThat(CustomerServiceWindow.open(NOW.minus(Duration.ofHours(24)), NOW)).isFalse();
        assertThat(CustomerServiceWindow.open(NOW.minus(Duration.ofDays(3)), NOW)).isFalse();
        assertThat(CustomerServiceWindow.open(null, NOW)).isFalse();
    }
}
