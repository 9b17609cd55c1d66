package dev.bodega.platform;

import dev.bodega.support.BodegaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class AuditPartitionsTest {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");

    @Autowired JdbcClient jdbc;

    private List<String> partitions() {
        return jdbc.sql("""
                        SELECT c.relname FROM pg_inherits i
                        JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = 'audit_log'::regclass ORDER BY c.relname""")
                .query(String.class).list();
    }

    @Test
    void partitionsExistForThisMonthAndTheNextThreeAndCreatingThemAgainChangesNothing() {
        jdbc.sql("SELECT ensure_audit_partitions(3)").query(Integer.class).single();
        List<String> before = partitions();

        assertThat(jdbc.sql("SELECT ensure_audit_partitions(3)").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT ensure_audit_partitions(3)").query(Integer.class).single()).isZero();
        assertThat(partitions()).isEqualTo(before);

        // The function names months in UTC; ask the database for "this month" in the same terms.
        LocalDate thisMonth = jdbc.sql("SELECT date_trunc('month', now() AT TIME ZONE 'UTC')::date")
                .query(LocalDate.class).single();
        List<String> expected = IntStream.rangeClosed(0, 3)
                .mapToObj(i -> "audit_log_" + MONTH.format(thisMonth.plusMonths(i))).toList();
        assertThat(before).containsAll(expected).contains("audit_log_default");
    }

    @Test
    void eachMonthlyPartitionCoversExactlyItsMonth() {
        LocalDate thisMonth = jdbc.sql("SELECT date_trunc('month', now() AT TIME ZONE 'UTC')::date")
                .query(LocalDate.class).single();
        String name = "audit_log_" + MONTH.format(thisMonth);
        String bound = jdbc.sql("SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c WHERE c.relname = :name")
                .param("name", name).query(String.class).single();
        assertThat(bound).contains(thisMonth.toString()).contains(thisMonth.plusMonths(1).toString());
    }
}
