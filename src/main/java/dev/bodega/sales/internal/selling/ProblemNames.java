package dev.bodega.sales.internal.selling;

import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * Names beside the ids a sale's problem carries ({@code itemId} → {@code sku}, {@code itemName};
 * {@code locationId} → {@code locationName}), and the same names instead of the ids in its detail. Read after
 * the refused transaction rolled back (a stock shortage aborts it), so the till can say what and where in the
 * user's words, and an API caller reads no bare id.
 */
@Component
class ProblemNames {

    private record ItemName(String sku, String name) {
    }

    private final JdbcClient jdbc;

    ProblemNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public ProblemDetail named(ProblemDetail problem) {
        Map<String, Object> members = problem.getProperties();
        if (members == null) {
            return problem;
        }
        String detail = problem.getDetail() == null ? "" : problem.getDetail();
        UUID itemId = uuid(members.get("itemId"));
        if (itemId != null) {
            ItemName item = jdbc.sql("SELECT sku, name FROM catalog_items WHERE id = :id").param("id", itemId)
                    .query(ItemName.class).optional().orElse(null);
            if (item != null) {
                problem.setProperty("sku", item.sku());
                problem.setProperty("itemName", item.name());
                detail = detail.replace("item " + itemId, item.sku() + " (" + item.name() + ")");
            }
        }
        UUID locationId = uuid(members.get("locationId"));
        if (locationId != null) {
            String name = jdbc.sql("SELECT name FROM inventory_locations WHERE id = :id").param("id", locationId)
                    .query(String.class).optional().orElse(null);
            if (name != null) {
                problem.setProperty("locationName", name);
                detail = detail.replace("location " + locationId, name);
            }
        }
        problem.setDetail(detail.isEmpty() ? null : detail);
        return problem;
    }

    /** A problem with the members a caller needs to say it in its own words (values as plain text). */
    static ErrorResponseException with(ErrorResponseException problem, Map<String, Object> members) {
        members.forEach((name, value) -> problem.getBody().setProperty(name,
                value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value)));
        return problem;
    }

    private static UUID uuid(Object value) {
        try {
            return value == null ? null : UUID.fromString(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
