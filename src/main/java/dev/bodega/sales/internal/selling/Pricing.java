package dev.bodega.sales.internal.selling;

import dev.bodega.platform.Money;
import dev.bodega.platform.Problems;
import dev.bodega.sales.internal.SalesProblem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The money of a sale, line by line, rounded at each step by the one money rule
 * ({@link Money}), so every total is the exact sum of its lines:
 * <ol>
 *   <li>subtotal = quantity × unit price;</li>
 *   <li>line discount = subtotal × discount percent / 100 (the line discount is a percentage);</li>
 *   <li>the sale's discount (an amount) is shared among the lines in proportion to what they
 *       still cost, the rounding remainder going one cent at a time to the largest lines;</li>
 *   <li>net = subtotal − line discount − share; with prices including tax, total = net and
 *       tax = net × rate / (100 + rate); otherwise tax = net × rate / 100 and total = net + tax.</li>
 * </ol>
 */
final class Pricing {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    record LineInput(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate) {
    }

    record LineAmounts(BigDecimal subtotal, BigDecimal discount, BigDecimal saleDiscount, BigDecimal tax,
                       BigDecimal total) {
    }

    record Totals(List<LineAmounts> lines, BigDecimal subtotal, BigDecimal discount, BigDecimal saleDiscount,
                  BigDecimal tax, BigDecimal total) {
    }

    private Pricing() {
    }

    static Totals price(List<LineInput> lines, BigDecimal saleDiscount, boolean pricesIncludeTax, int decimals) {
        BigDecimal requested = saleDiscount == null ? BigDecimal.ZERO : saleDiscount;
        List<BigDecimal> subtotals = new ArrayList<>();
        List<BigDecimal> discounts = new ArrayList<>();
        List<BigDecimal> remaining = new ArrayList<>();
        for (LineInput line : lines) {
            BigDecimal subtotal = Money.amount(line.quantity(), line.unitPrice(), decimals);
            BigDecimal discount = percentOf(subtotal, line.discountPercent(), decimals);
            subtotals.add(subtotal);
            discounts.add(discount);
            remaining.add(subtotal.subtract(discount));
        }
        BigDecimal shared = Money.round(requested, decimals);
        if (shared.compareTo(requested) != 0) {
            throw Problems.of(SalesProblem.DISCOUNT_DECIMALS, "The discount has more decimals than the currency");
        }
        List<BigDecimal> shares = share(shared, remaining, decimals);
        List<LineAmounts> amounts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal net = remaining.get(i).subtract(shares.get(i));
            BigDecimal rate = lines.get(i).taxRate();
            BigDecimal tax = pricesIncludeTax
                    ? net.multiply(rate).divide(HUNDRED.add(rate), decimals, RoundingMode.HALF_UP)
                    : net.multiply(rate).divide(HUNDRED, decimals, RoundingMode.HALF_UP);
            BigDecimal total = pricesIncludeTax ? net : net.add(tax);
            amounts.add(new LineAmounts(subtotals.get(i), discounts.get(i), shares.get(i), tax, total));
        }
        return new Totals(amounts, sum(amounts, LineAmounts::subtotal, decimals),
                sum(amounts, a -> a.discount().add(a.saleDiscount()), decimals), shared,
                sum(amounts, LineAmounts::tax, decimals), sum(amounts, LineAmounts::total, decimals));
    }

    /**
     * Splits {@code amount} over the lines in proportion to {@code bases}; the shares add up to
     * exactly {@code amount} and no share exceeds its base.
     */
    static List<BigDecimal> share(BigDecimal amount, List<BigDecimal> bases, int decimals) {
        BigDecimal whole = bases.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amount.compareTo(whole) > 0) {
            throw ProblemNames.with(Problems.of(SalesProblem.DISCOUNT_EXCEEDS_TOTAL,
                    "The discount is larger than what the lines cost"), Map.of("discount", amount, "linesTotal", whole));
        }
        List<BigDecimal> shares = new ArrayList<>();
        for (BigDecimal base : bases) {
            shares.add(whole.signum() == 0 ? Money.round(BigDecimal.ZERO, decimals)
                    : amount.multiply(base).divide(whole, decimals, RoundingMode.HALF_UP));
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(decimals);
        BigDecimal left = amount.subtract(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        // Largest lines first (ties by position): they absorb the rounding remainder, a unit at a time.
        List<Integer> order = IntStream.range(0, bases.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> bases.get(i)).reversed().thenComparing(i -> i))
                .toList();
        while (left.signum() != 0) {
            BigDecimal step = left.signum() > 0 ? unit : unit.negate();
            boolean moved = false;
            for (int i : order) {
                BigDecimal next = shares.get(i).add(step);
                if (left.signum() != 0 && next.signum() >= 0 && next.compareTo(bases.get(i)) <= 0) {
                    shares.set(i, next);
                    left = left.subtract(step);
                    moved = true;
                }
            }
            if (!moved) {
                throw new IllegalStateException("Cannot share " + amount + " over " + bases);
            }
        }
        return shares;
    }

    static BigDecimal percentOf(BigDecimal amount, BigDecimal percent, int decimals) {
        if (percent == null || percent.signum() == 0) {
            return Money.round(BigDecimal.ZERO, decimals);
        }
        return amount.multiply(percent).divide(HUNDRED, decimals, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(List<LineAmounts> lines, java.util.function.Function<LineAmounts, BigDecimal> field,
                                  int decimals) {
        return lines.stream().map(field).reduce(Money.round(BigDecimal.ZERO, decimals), BigDecimal::add);
    }
}
