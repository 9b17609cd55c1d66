package dev.bodega.insights.internal.forecast;

/**
 * Croston's method with the Syntetos-Boylan correction, for intermittent demand: smooths the size of the non-zero
 * demands and the interval between them, and forecasts their ratio times (1 - alpha/2).
 */
public final class Sba implements Method {

    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3};

    @Override
    public String name() {
        return "croston-sba";
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

    /** The forecast rate after {@code y[0, end)}, or (when {@code sse}) the one-step squared error along the way. */
    static double run(double[] y, int end, double alpha, boolean sse) {
        double size = 0, interval = 0, error = 0;
        int since = 0;
        boolean started = false;
        for (int t = 0; t < end; t++) {
            since++;
            if (started) {
                double f = (1 - alpha / 2) * size / interval;
                error += (y[t] - f) * (y[t] - f);
            }
            if (y[t] > 0) {
                size = started ? size + alpha * (y[t] - size) : y[t];
                interval = started ? interval + alpha * (since - interval) : since;
                started = true;
                since = 0;
            }
        }
        if (sse) {
            return error;
        }
        return started ? (1 - alpha / 2) * size / interval : 0;
    }

    private record Smoothed(double alpha) implements Fitted {

        @Override
        public String version() {
            return "croston-sba a=" + alpha;
        }

        @Override
        public double[] forecast(double[] y, int origin, int horizon) {
            double[] f = new double[horizon];
            java.util.Arrays.fill(f, run(y, origin, alpha, false));
            return f;
        }
    }
}
