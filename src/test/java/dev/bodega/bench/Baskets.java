package dev.bodega.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What a till rings up: 1–5 distinct items drawn with Zipf popularity (rank r
 * chosen with weight 1/(r+1)^s), 1–3 of each. Seeded per client, so Bodega's
 * till k and the seed procedure's till k sell the same baskets in the same order.
 */
final class Baskets {

    /**
     * Item ranks (0 = the most popular) and the quantity of each; the customer (an index, or -1 for a walk-in)
     * and whether it is paid by card. Every basket draws the same random numbers, whoever ignores some of them.
     */
    record Basket(int[] ranks, int[] quantities, int customer, boolean card) {
    }

    /** Share of sales to a registered customer, and of sales paid by card (the rest in cash), in percent. */
    static final int CUSTOMER_PERCENT = 30;
    static final int CARD_PERCENT = 40;

    private final double[] cumulative;
    private final SplittableRandom random;

    private final int customers;

    Baskets(int items, double exponent, int customers, long seed) {
        this.cumulative = cumulative(items, exponent);
        this.customers = customers;
        this.random = new SplittableRandom(seed);
    }

    private static double[] cumulative(int items, double exponent) {
        double[] weights = new double[items];
        double sum = 0;
        for (int r = 0; r < items; r++) {
            sum += 1 / Math.pow(r + 1, exponent);
            weights[r] = sum;
        }
        for (int r = 0; r < items; r++) {
            weights[r] /= sum;
        }
        return weights;
    }

    /** One rank with Zipf probability. */
    int rank() {
        int found = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(found >= 0 ? found : -found - 1, cumulative.length - 1);
    }

    Basket next() {
        int lines = Math.min(1 + random.nextInt(5), cumulative.length);
        int[] ranks = new int[lines];
        int[] quantities = new int[lines];
        for (int i = 0; i < lines; i++) {
            int rank;
            do {
                rank = rank();
            } while (contains(ranks, i, rank));
            ranks[i] = rank;
            quantities[i] = 1 + random.nextInt(3);
        }
        boolean registered = random.nextInt(100) < CUSTOMER_PERCENT;
        int customer = random.nextInt(customers);
        boolean card = random.nextInt(100) < CARD_PERCENT;
        return new Basket(ranks, quantities, registered ? customer : -1, card);
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
