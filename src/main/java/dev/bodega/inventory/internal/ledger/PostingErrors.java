package dev.bodega.inventory.internal.ledger;

import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.Problems;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns what the database refused during a posting into problems a caller can act on. */
final class PostingErrors {

    /** Quantities in the detail are exact decimals: read them as BigDecimal, never as double. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private PostingErrors() {
    }

    static RuntimeException translate(RuntimeException e) {
        ServerErrorMessage server = serverMessage(e);
        if (server == null) {
            return e;
        }
        if ("insufficient-stock".equals(server.getHint())) {
            ErrorResponseException problem = Problems.of(InventoryProblem.INSUFFICIENT_STOCK, server.getMessage());
            JsonNode detail = JSON.readTree(server.getDetail());
            detail.properties().forEach(field -> problem.getBody().setProperty(field.getKey(), text(field.getValue())));
            return problem;
        }
        if ("42501".equals(server.getSQLState())) {
            return Problems.of(InventoryProblem.LOCATION_NOT_ALLOWED,
                    "You may not move stock at one of these locations");
        }
        return e;
    }

    private static String text(JsonNode value) {
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asString();
    }

    private static ServerErrorMessage serverMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage();
            }
        }
        return null;
    }
}
