package dev.bodega.sales.internal.selling;

import dev.bodega.platform.Money;
import dev.bodega.platform.Problems;
import dev.bodega.sales.internal.SalesProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.bodega.platform.Text.blankToNull;

/**
 * Settles a total with one or more payments, in the order given. Cash may hand
 * over more than what remains (the difference is change); card, transfer and
 * other may not. The payments must cover the total exactly.
 */
final class Payments {

    static final Set<String> METHODS = Set.of("cash", "card", "transfer", "other");

    record PaymentInput(String method, BigDecimal amount, String reference) {
    }

    record Payment(String method, BigDecimal amount, BigDecimal tendered, BigDecimal change, String reference) {
    }

    record Settlement(List<Payment> payments, BigDecimal tendered, BigDecimal change, String method) {
    }

    private Payments() {
    }

    static Settlement settle(BigDecimal total, List<PaymentInput> inputs, int decimals) {
        BigDecimal remaining = total;
        List<Payment> payments = new ArrayList<>();
        for (PaymentInput input : inputs == null ? List.<PaymentInput>of() : inputs) {
            if (!METHODS.contains(input.method())) {
                throw Problems.of(SalesProblem.PAYMENT_METHOD, "Unknown payment method: " + input.method());
            }
            BigDecimal tendered = input.amount();
            if (tendered.signum() <= 0 || Money.round(tendered, decimals).compareTo(tendered) != 0) {
                throw Problems.of(SalesProblem.PAYMENT_AMOUNT,
                        "A payment needs a positive amount in the currency's decimals");
            }
            boolean cash = input.method().equals("cash");
            if (!cash && tendered.compareTo(remaining) > 0) {
                throw ProblemNames.with(Problems.of(SalesProblem.PAYMENT_EXCEEDS_TOTAL,
                        "A " + input.method() + " payment cannot exceed what remains to pay (" + remaining.toPlainString() + ")"),
                        Map.of("method", input.method(), "remaining", remaining));
            }
            BigDecimal applied = tendered.min(remaining);
            if (applied.signum() == 0) {
                throw Problems.of(SalesProblem.PAYMENT_NOT_NEEDED, "The sale is already paid");
            }
            payments.add(new Payment(input.method(), Money.round(applied, decimals), Money.round(tendered, decimals),
                    Money.round(tendered.subtract(applied), decimals), blankToNull(input.reference())));
            remaining = remaining.subtract(applied);
        }
        if (remaining.signum() > 0) {
            throw ProblemNames.with(Problems.of(SalesProblem.PAYMENT_SHORT,
                    "The payments leave " + remaining.toPlainString() + " unpaid"), Map.of("unpaid", remaining));
        }
        BigDecimal tendered = payments.stream().map(Payment::tendered).reduce(Money.round(BigDecimal.ZERO, decimals), BigDecimal::add);
        BigDecimal change = payments.stream().map(Payment::change).reduce(Money.round(BigDecimal.ZERO, decimals), BigDecimal::add);
        List<String> methods = payments.stream().map(Payment::method).distinct().toList();
        String method = methods.isEmpty() ? null : methods.size() == 1 ? methods.get(0) : "mixed";
        return new Settlement(List.copyOf(payments), tendered, change, method);
    }

}
