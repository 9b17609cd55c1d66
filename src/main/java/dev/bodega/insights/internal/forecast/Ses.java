package dev.bodega.insights.internal.forecast;

/** Simple exponential smoothing: a level that follows the demand, forecast flat. */
public final class Ses implements Method {

    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.5};

    @Override
    public String name() {
        return "ses";
    }

    @Override
    public Fitted fit(double[] y, int end) {
        double best = Double.POSITIVE_INFINITY;
        double chosen = ALPHAS[0];
        for (double alpha : ALPHAS) {
            double sse = run(y, end, alpha, true);
            if (sse < best) {
                best = sse;
                chosen = alpha;
            }
        }
        return new Smoothed(chosen);
    }

    /** The level after {@code y[0, end)}, or (when {@code sse}) the one-step squared error along the way. */
    static double run(double[] y, int end, double alpha, boolean sse) {
        int warm = Math.min(SeasonalNaive.PERIOD, end);
        double level = 0;
        for (int t = 0; t < warm; t++) {
            level += y[t] / warm;
        }
        double error = 0;
        for (int t = warm; t < end; t++) {
            double e = y[t] - level;
            error += e * e;
            level += alpha * e;
        }
        return sse ? error : level;
    }

    private record Smoothed(double alpha) implements Fitted {

        @Override
        public String version() {
            return "ses a=" + alpha;
        }

        @Override
        public double[] forecast(double[] y, int origin, int horizon) {
            double[] f = new double[horizon];
            java.util.Arrays.fill(f, Math.max(0, run(y, origin, alpha, false)));
            return f;
        }
    }
}
