package dev.bodega.inventory.internal.ledger;

import dev.bodega.inventory.StockPostings.Line;
import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.Problems;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides a batch's postings one by one, in order, against the stock their levels had when the batch locked
 * them, by the rules the ledger trigger applies row by row: a posting that fits takes its stock, one that does
 * not is refused whole with the problem a single posting would get and takes nothing.
 */
final class BatchDecision {

    private final PostingRules rules;
    private final Map<String, PostingRules.Locked> levels;
    private final boolean negativesAllowed;
    private final Map<String, BigDecimal> onHand = new HashMap<>();

    BatchDecision(PostingRules rules, Map<String, PostingRules.Locked> levels, boolean negativesAllowed) {
        this.rules = rules;
        this.levels = levels;
        this.negativesAllowed = negativesAllowed;
    }

    /** Null when the posting's merged lines fit (and now count against the stock), else its refusal. */
    ErrorResponseException decide(List<Line> lines) {
        try {
            check(lines);
            Map<String, BigDecimal> after = new HashMap<>();
            for (Line line : lines) {
                String key = key(line);
                BigDecimal before = after.containsKey(key) ? after.get(key) : stock(key);
                BigDecimal next = before.add(line.quantity());
                if (line.quantity().signum() < 0 && next.signum() < 0 && !negativesAllowed) {
                    throw insufficient(line, before);
                }
                after.put(key, next);
            }
            onHand.putAll(after);
            return null;
        } catch (ErrorResponseException refused) {
            return refused;
        }
    }

    private void check(List<Line> lines) {
        rules.checkLines(lines);
        for (Line line : lines) {
            PostingRules.Locked level = levels.get(key(line));
            if (level == null) {
                rules.refuseUnusable(lines);
            }
            PostingRules.checkDecimals(line, level.decimals());
        }
    }

    private BigDecimal stock(String key) {
        return onHand.getOrDefault(key, levels.get(key).onHand());
    }

    /** The trigger's refusal, word for word (see V50 stock_ledger_apply and {@link PostingErrors}). */
    private static ErrorResponseException insufficient(Line line, BigDecimal before) {
        String available = before.setScale(3, RoundingMode.UNNECESSARY).toPlainString();
        String requested = line.quantity().negate().setScale(3, RoundingMode.UNNECESSARY).toPlainString();
        ErrorResponseException problem = Problems.of(InventoryProblem.INSUFFICIENT_STOCK, "insufficient stock of item "
                + line.itemId() + " at location " + line.locationId() + ": " + available + " on hand, " + requested
                + " requested");
        problem.getBody().setProperty("itemId", line.itemId().toString());
        problem.getBody().setProperty("locationId", line.locationId().toString());
        problem.getBody().setProperty("onHand", available);
        problem.getBody().setProperty("requested", requested);
        return problem;
    }

    static String key(Line line) {
        return line.locationId() + "|" + line.itemId();
    }
}
