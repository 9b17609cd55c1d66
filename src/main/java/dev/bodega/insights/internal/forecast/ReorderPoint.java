package dev.bodega.insights.internal.forecast;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The reorder point for a lead time: the demand forecast over the lead time plus safety stock for a service level
 * (the chance of not running out before the order arrives), z(level) times the daily error's spread times the
 * square root of the lead time.
 */
public final class ReorderPoint {

    private ReorderPoint() {
    }

    /** {@code daily}: the forecast per day from tomorrow on (the last day repeats past its end). */
    public static double demandOver(double[] daily, int leadDays) {
        double sum = 0;
        for (int d = 0; d < leadDays; d++) {
            sum += daily.length == 0 ? 0 : daily[Math.min(d, daily.length - 1)];
        }
        return sum;
    }

    public static double safetyStock(double dailySigma, int leadDays, double serviceLevel) {
        double z = new NormalDistribution().inverseCumulativeProbability(serviceLevel);
        return Math.max(0, z * dailySigma * Math.sqrt(leadDays));
    }

    public static double of(double[] daily, double dailySigma, int leadDays, double serviceLevel) {
        return demandOver(daily, leadDays) + safetyStock(dailySigma, leadDays, serviceLevel);
    }
}
