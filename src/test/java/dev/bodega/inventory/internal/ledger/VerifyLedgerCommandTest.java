package dev.bodega.inventory.internal.ledger;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.internal.db.EmbeddedDatabase;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --verify-ledger}: every tenant is checked, whichever tenant (if any) is in context. */
@BodegaTest
class VerifyLedgerCommandTest {

    @Autowired VerifyLedgerCommand command;
    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired EmbeddedDatabase database;

    @Test
    void exitsZeroWhenConsistentAndOneWithTheMismatchesOfAnyTenant() {
        var first = fixtures.tenant();
        var second = fixtures.tenant();
        UUID shop = stock.location(second, "Tienda");
        UUID item = stock.item(second, "VERIFY-1", "pcs", BigDecimal.ZERO);
        TestFixtures.asUser(second.id(), second.adminId(), Set.of("*"), () -> postings.post(new StockPostings.Posting(
                "receipt", "test", null, null, null,
                List.of(StockPostings.Line.in(shop, item, MovementType.RECEIPT, new BigDecimal("6"), BigDecimal.ONE)))));
        stock.location(first, "Otra");

        Run clean = verify();
        assertThat(clean.code()).as(clean.output()).isEqualTo(VerifyLedgerCommand.CONSISTENT);
        assertThat(clean.output()).contains("OK");

        JdbcClient superuser = JdbcClient.create(database.superuserDataSource());
        String corrupt = "UPDATE stock_levels SET on_hand = on_hand + :delta WHERE location_id = :l AND item_id = :i";
        superuser.sql(corrupt).param("delta", -2).param("l", shop).param("i", item).update();
        try {
            Run broken = verify();
            assertThat(broken.code()).isEqualTo(VerifyLedgerCommand.MISMATCHES);
            assertThat(broken.output()).contains("1 stock level(s)", "tenant=" + second.slug(), "location=" + shop,
                    "item=" + item, "onHand=4.000", "ledgerSum=6.000");
        } finally {
            superuser.sql(corrupt).param("delta", 2).param("l", shop).param("i", item).update();
        }
        assertThat(verify().code()).isEqualTo(VerifyLedgerCommand.CONSISTENT);
    }

    @Test
    void withoutTheOptionTheRunnerDoesNothing() throws Exception {
        command.run(new DefaultApplicationArguments("--server.port=0"));
    }

    record Run(int code, String output) {
    }

    private Run verify() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = command.verify(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
