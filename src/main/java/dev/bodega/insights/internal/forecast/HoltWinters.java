package dev.bodega.insights.internal.forecast;

/** Additive Holt-Winters: level, trend and a weekly season (day of the week), smoothed exponentially. */
public final class HoltWinters implements Method {

    private static final int M = SeasonalNaive.PERIOD;
    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.4};
    private static final double[] BETAS = {0, 0.01, 0.05};
    private static final double[] GAMMAS = {0.05, 0.1, 0.2};

    /** Two weeks to start level, trend and season from. */
    public static final int MIN_HISTORY = 2 * M;

    @Override
    public String name() {
        return "holt-winters";
    }

    @Override
    public Fitted fit(double[] y, int end) {
        double best = Double.POSITIVE_INFINITY;
        Params chosen = new Params(ALPHAS[0], BETAS[0], GAMMAS[0]);
        for (double a : ALPHAS) {
            for (double b : BETAS) {
                for (double g : GAMMAS) {
                    Params p = new Params(a, b, g);
                    double sse = p.run(y, end, null);
                    if (sse < best) {
                        best = sse;
                        chosen = p;
                    }
                }
            }
        }
        return chosen;
    }

    private record Params(double alpha, double beta, double gamma) implements Fitted {

        @Override
        public String version() {
            return "holt-winters a=" + alpha + " b=" + beta + " g=" + gamma + " m=7";
        }

        @Override
        public double[] forecast(double[] y, int origin, int horizon) {
            if (origin < MIN_HISTORY) {
                return new SeasonalNaive().forecast(y, origin, horizon);
            }
            double[] state = new double[2 + M];
            run(y, origin, state);
            double[] f = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                f[h] = Math.max(0, state[0] + (h + 1) * state[1] + state[2 + (origin + h) % M]);
            }
            return f;
        }

        /**
         * Runs the recursion over {@code y[0, end)}; returns the one-step squared error and leaves level, trend and
         * season (indexed by t mod 7, so by weekday) in {@code out} when given.
         */
        double run(double[] y, int end, double[] out) {
            if (end < MIN_HISTORY) {
                return Double.POSITIVE_INFINITY;
            }
            double first = mean(y, 0), second = mean(y, M);
            double level = first;
            double trend = (second - first) / M;
            double[] season = new double[M];
            for (int i = 0; i < M; i++) {
                season[i] = y[i] - first;
            }
            double sse = 0;
            for (int t = M; t < end; t++) {
                int s = t % M;
                double e = y[t] - (level + trend + season[s]);
                sse += e * e;
                double previous = level;
                level = alpha * (y[t] - season[s]) + (1 - alpha) * (level + trend);
                trend = beta * (level - previous) + (1 - beta) * trend;
                season[s] = gamma * (y[t] - level) + (1 - gamma) * season[s];
            }
            if (out != null) {
                out[0] = level;
                out[1] = trend;
                System.arraycopy(season, 0, out, 2, M);
            }
            return sse;
        }

        private static double mean(double[] y, int from) {
            double sum = 0;
            for (int t = from; t < from + M; t++) {
                sum += y[t];
            }
            return sum / M;
        }
    }
}
