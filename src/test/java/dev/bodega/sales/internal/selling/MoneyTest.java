package dev.bodega.sales.internal.selling;

import dev.bodega.platform.Money;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sale arithmetic with exact expected amounts: per-line half-up rounding, tax in or on top, discounts. */
class MoneyTest {

    @Test
    void pricesExcludingTaxAddTheTaxOfEachLineRoundedOnItsOwn() {
        Pricing.Totals totals = Pricing.price(List.of(
                line("3", "10.99", "0", "19"),      // 32.97, tax 6.2643 → 6.26
                line("2", "4.15", "10", "19")),     // 8.30 − 0.83 = 7.47, tax 1.4193 → 1.42
                null, false, 2);

        assertLine(totals.lines().get(0), "32.97", "0.00", "0.00", "6.26", "39.23");
        assertLine(totals.lines().get(1), "8.30", "0.83", "0.00", "1.42", "8.89");
        assertTotals(totals, "41.27", "0.83", "7.68", "48.12");
    }

    @Test
    void pricesIncludingTaxCarveTheTaxOutOfEachLine() {
        Pricing.Totals totals = Pricing.price(List.of(
                line("1", "11.90", "0", "19"),      // 11.90 × 19 / 119 = 1.90
                line("3", "0.99", "0", "19")),      // 2.97 × 19 / 119 = 0.4742 → 0.47
                null, true, 2);

        assertLine(totals.lines().get(0), "11.90", "0.00", "0.00", "1.90", "11.90");
        assertLine(totals.lines().get(1), "2.97", "0.00", "0.00", "0.47", "2.97");
        assertTotals(totals, "14.87", "0.00", "2.37", "14.87");
    }

    @Test
    void halfACentRoundsUpNotToEven() {
        Pricing.Totals totals = Pricing.price(List.of(line("1", "0.05", "0", "10")), null, false, 2);
        assertLine(totals.lines().get(0), "0.05", "0.00", "0.00", "0.01", "0.06");
        // 2.5 % of 0.20 is 0.005: half-up gives 0.01 off.
        assertThat(Pricing.percentOf(new BigDecimal("0.20"), new BigDecimal("2.5"), 2)).isEqualByComparingTo("0.01");
    }

    @Test
    void aSaleDiscountIsSharedSoThatTheSharesAddUpExactly() {
        Pricing.Totals totals = Pricing.price(List.of(
                line("1", "10.00", "0", "0"), line("1", "10.00", "0", "0"), line("1", "10.00", "0", "0")),
                new BigDecimal("10.00"), false, 2);

        // 3.33 each leaves a cent over: the first of the equally large lines takes it.
        assertLine(totals.lines().get(0), "10.00", "0.00", "3.34", "0.00", "6.66");
        assertLine(totals.lines().get(1), "10.00", "0.00", "3.33", "0.00", "6.67");
        assertLine(totals.lines().get(2), "10.00", "0.00", "3.33", "0.00", "6.67");
        assertTotals(totals, "30.00", "10.00", "0.00", "20.00");
        assertThat(totals.saleDiscount()).isEqualByComparingTo("10.00");
    }

    @Test
    void aSaleDiscountWithTaxIncludedLowersTheTaxInProportion() {
        Pricing.Totals totals = Pricing.price(List.of(
                line("2", "59.50", "0", "19"),      // 119.00, share 11.90 → 107.10, tax 17.10
                line("1", "23.80", "0", "19")),     // 23.80, share 2.38 → 21.42, tax 3.42
                new BigDecimal("14.28"), true, 2);

        assertLine(totals.lines().get(0), "119.00", "0.00", "11.90", "17.10", "107.10");
        assertLine(totals.lines().get(1), "23.80", "0.00", "2.38", "3.42", "21.42");
        assertTotals(totals, "142.80", "14.28", "20.52", "128.52");
    }

    @Test
    void lineAndSaleDiscountsTogetherExcludingTax() {
        Pricing.Totals totals = Pricing.price(List.of(
                line("4", "2.50", "25", "16"),      // 10.00 − 2.50 = 7.50
                line("1", "12.35", "0", "0")),      // 12.35
                new BigDecimal("1.00"), false, 2);
        // Shares of 1.00 over 7.50 and 12.35 (19.85): 0.3778 → 0.38 and 0.6222 → 0.62.
        assertLine(totals.lines().get(0), "10.00", "2.50", "0.38", "1.14", "8.26");  // 7.12 × 16 % = 1.1392
        assertLine(totals.lines().get(1), "12.35", "0.00", "0.62", "0.00", "11.73");
        assertTotals(totals, "22.35", "3.50", "1.14", "19.99");
    }

    @Test
    void decimalQuantitiesRoundTheLineOnce() {
        Pricing.Totals totals = Pricing.price(List.of(line("1.255", "3.99", "0", "5")), null, false, 2);
        assertLine(totals.lines().get(0), "5.01", "0.00", "0.00", "0.25", "5.26");   // 5.00745, tax 0.2505
    }

    @Test
    void aCurrencyWithoutCentsRoundsToWholeUnits() {
        assertThat(Money.decimals("CLP")).isZero();
        assertThat(Money.decimals("JPY")).isZero();
        assertThat(Money.decimals("USD")).isEqualTo(2);
        assertThat(Money.decimals("KWD")).as("money columns keep two decimals").isEqualTo(2);

        Pricing.Totals totals = Pricing.price(List.of(line("3", "333", "0", "19")), null, true, 0);
        assertLine(totals.lines().get(0), "999", "0", "0", "160", "999");          // 159.504 → 160
    }

    @Test
    void aDiscountLargerThanTheLinesIsRefused() {
        assertThatThrownBy(() -> Pricing.price(List.of(line("1", "5.00", "0", "0")), new BigDecimal("5.01"), false, 2))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getBody().getType().toString()).endsWith("/discount-exceeds-total"));
    }

    @Test
    void aWholeDiscountTakesEveryLineToZero() {
        Pricing.Totals totals = Pricing.price(List.of(line("1", "0.01", "0", "19"), line("3", "0.33", "0", "19")),
                new BigDecimal("1.00"), false, 2);
        assertTotals(totals, "1.00", "1.00", "0.00", "0.00");
    }

    @Test
    void cashMayExceedWhatRemainsAndGivesChange() {
        Payments.Settlement settled = Payments.settle(new BigDecimal("48.12"),
                List.of(new Payments.PaymentInput("cash", new BigDecimal("50.00"), null)), 2);
        assertThat(settled.change()).isEqualByComparingTo("1.88");
        assertThat(settled.tendered()).isEqualByComparingTo("50.00");
        assertThat(settled.payments().get(0).amount()).isEqualByComparingTo("48.12");
        assertThat(settled.method()).isEqualTo("cash");
    }

    @Test
    void splitPaymentsCardFirstThenCashWithChange() {
        Payments.Settlement settled = Payments.settle(new BigDecimal("48.12"), List.of(
                new Payments.PaymentInput("card", new BigDecimal("20.00"), "VISA 4242"),
                new Payments.PaymentInput("cash", new BigDecimal("30.00"), null)), 2);
        assertThat(settled.payments()).extracting(Payments.Payment::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("20.00"), new BigDecimal("28.12"));
        assertThat(settled.change()).isEqualByComparingTo("1.88");
        assertThat(settled.method()).isEqualTo("mixed");
    }

    @Test
    void nonCashPaymentsMayNotExceedAndPaymentsMustCoverTheTotal() {
        assertProblem(() -> Payments.settle(new BigDecimal("48.12"),
                List.of(new Payments.PaymentInput("card", new BigDecimal("48.13"), null)), 2), "payment-exceeds-total");
        assertProblem(() -> Payments.settle(new BigDecimal("48.12"),
                List.of(new Payments.PaymentInput("transfer", new BigDecimal("48.11"), null)), 2), "payment-short");
        assertProblem(() -> Payments.settle(new BigDecimal("10.00"), List.of(
                new Payments.PaymentInput("cash", new BigDecimal("10.00"), null),
                new Payments.PaymentInput("cash", new BigDecimal("1.00"), null)), 2), "payment-not-needed");
        assertProblem(() -> Payments.settle(new BigDecimal("10"),
                List.of(new Payments.PaymentInput("cash", new BigDecimal("10.50"), null)), 0), "payment-amount");
        assertThat(Payments.settle(new BigDecimal("0.00"), List.of(), 2).payments()).isEmpty();
    }

    private static void assertProblem(Runnable action, String type) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getBody().getType().toString()).endsWith("/" + type));
    }

    private static Pricing.LineInput line(String quantity, String price, String discountPercent, String taxRate) {
        return new Pricing.LineInput(new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(discountPercent),
                new BigDecimal(taxRate));
    }

    private static void assertLine(Pricing.LineAmounts line, String subtotal, String discount, String share, String tax,
                                   String total) {
        assertThat(line.subtotal()).as("subtotal").isEqualTo(new BigDecimal(subtotal));
        assertThat(line.discount()).as("line discount").isEqualTo(new BigDecimal(discount));
        assertThat(line.saleDiscount()).as("share of the sale discount").isEqualTo(new BigDecimal(share));
        assertThat(line.tax()).as("tax").isEqualTo(new BigDecimal(tax));
        assertThat(line.total()).as("total").isEqualTo(new BigDecimal(total));
    }

    private static void assertTotals(Pricing.Totals totals, String subtotal, String discount, String tax, String total) {
        assertThat(totals.subtotal()).as("subtotal").isEqualTo(new BigDecimal(subtotal));
        assertThat(totals.discount()).as("discount").isEqualTo(new BigDecimal(discount));
        assertThat(totals.tax()).as("tax").isEqualTo(new BigDecimal(tax));
        assertThat(totals.total()).as("total").isEqualTo(new BigDecimal(total));
    }
}
