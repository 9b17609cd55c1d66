package dev.bodega.platform.internal.db;

import dev.bodega.support.BodegaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What every connection of the application's pool runs with, whatever the server's defaults. */
@BodegaTest
class ApplicationConnectionsTest {

    @Autowired JdbcClient jdbc;

    @Test
    void reportsAreNotJitCompiled() {
        assertThat(jdbc.sql("SHOW jit").query(String.class).single()).isEqualTo("off");
    }
}
