package dev.bodega.insights.internal.forecast;

/**
 * Daily demand of one item at one location, oldest first. {@code stockout[t]}: the level had no stock for part of
 * day t, so what sold is less than what was wanted (censored).
 */
public record Series(double[] demand, boolean[] stockout) {

    public int length() {
        return demand.length;
    }

    /**
     * The demand with each stockout day raised to what the same weekday sold in the last four weeks it had stock
     * (or the last four weeks' days with stock), so a day without stock does not read as a day without demand.
     */
    public double[] cleaned() {
        double[] y = demand.clone();
        for (int t = 0; t < y.length; t++) {
            if (stockout[t]) {
                y[t] = Math.max(y[t], estimate(y, t));
            }
        }
        return y;
    }

    private double estimate(double[] y, int t) {
        double sameWeekday = mean(y, t, 7);
        if (!Double.isNaN(sameWeekday)) {
            return sameWeekday;
        }
        double recent = mean(y, t, 1);
        return Double.isNaN(recent) ? 0 : recent;
    }

    private double mean(double[] y, int t, int step) {
        double sum = 0;
        int n = 0;
        for (int back = step; back <= 28 && t - back >= 0; back += step) {
            if (!stockout[t - back]) {
                sum += y[t - back];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Intermittent (Syntetos-Boylan): on average more than 1.32 days between days with demand. */
    public boolean intermittent() {
        int nonZero = 0;
        for (double d : demand) {
            nonZero += d > 0 ? 1 : 0;
        }
        return nonZero == 0 || (double) demand.length / nonZero > 1.32;
    }
}
