package dev.bodega.insights.internal.forecast;

/** The baseline: each day as the same weekday a week before (the last value while there is less than a week). */
public final class SeasonalNaive implements Method, Method.Fitted {

    public static final int PERIOD = 7;

    @Override
    public String name() {
        return "seasonal-naive";
    }

    @Override
    public Fitted fit(double[] y, int end) {
        return this;
    }

    @Override
    public String version() {
        return "seasonal-naive m=7";
    }

    @Override
    public double[] forecast(double[] y, int origin, int horizon) {
        double[] f = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            if (origin >= PERIOD) {
                f[h] = y[origin - PERIOD + h % PERIOD];
            } else {
                f[h] = origin == 0 ? 0 : y[origin - 1];
            }
        }
        return f;
    }
}
